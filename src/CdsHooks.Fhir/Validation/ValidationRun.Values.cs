using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Checks of one value: primitive syntax, fixed and pattern values, reference targets and extension value types.</summary>
internal sealed partial class ValidationRun
{
    private bool CheckPrimitive(Node value, ValuePlan plan)
    {
        var item = value.Element;
        var type = plan.Definition!;
        var expected = plan.Primitive switch
        {
            PrimitiveKind.Boolean => JsonValueKind.True,
            PrimitiveKind.Integer or PrimitiveKind.PositiveInt or PrimitiveKind.UnsignedInt or PrimitiveKind.Decimal => JsonValueKind.Number,
            _ => JsonValueKind.String,
        };
        bool kindOk = expected == JsonValueKind.True ? value.Kind is JsonValueKind.True or JsonValueKind.False : value.Kind == expected;
        if (!kindOk)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType,
                $"A FHIR {type.Name} is a JSON {(expected == JsonValueKind.True ? "boolean" : expected.ToString().ToLowerInvariant())}, not a JSON {value.Kind.ToString().ToLowerInvariant()}.");
            return false;
        }

        if (PrimitiveSyntax.Accepts(plan.Primitive, item, value.Kind))
        {
            return true;
        }

        bool valid = IsValidPrimitive(item, type);
        if (!valid)
        {
            Add("error", "value", ValidationIssueCodes.InvalidPrimitive, $"The value is not a valid FHIR {type.Name}.");
        }

        return valid;
    }

    /// <summary>The full check of a primitive of the right JSON type: the specification's regex, then calendar and range.</summary>
    internal static bool IsValidPrimitive(JsonElement item, TypeDefinition type)
    {
        string text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
        bool valid = type.Regex is null || type.Regex.IsMatch(text);
        valid &= type.Name switch
        {
            // The regex admits 31 February; the calendar does not.
            "date" or "dateTime" or "instant" => FhirDateTime.TryParse(text, out _),
            "integer" => int.TryParse(text, CultureInfo.InvariantCulture, out _),
            "positiveInt" => int.TryParse(text, CultureInfo.InvariantCulture, out int p) && p > 0,
            "unsignedInt" => int.TryParse(text, CultureInfo.InvariantCulture, out int u) && u >= 0,
            "string" or "markdown" => text.Length > 0 && text.Trim().Length > 0,
            _ => true,
        };
        return valid;
    }

    private void CheckFixedAndPattern(JsonElement item, ValuePlan plan)
    {
        if (!plan.ChecksFixedOrPattern)
        {
            return;
        }

        var rule = plan.Rule;
        if (rule.Fixed is { } fixedValue && !JsonElement.DeepEquals(item, fixedValue))
        {
            Add("error", "value", ValidationIssueCodes.FixedValue, $"{rule.Name} must be exactly {fixedValue.GetRawText()}{By(rule)}.");
        }

        if (rule.Pattern is { } pattern && !JsonPattern.Contains(item, pattern))
        {
            Add("error", "value", ValidationIssueCodes.PatternValue, $"{rule.Name} must contain {pattern.GetRawText()}{By(rule)}.");
        }
    }

    private void CheckReference(JsonElement item, ValuePlan plan)
    {
        var type = plan.Type;
        if (!plan.ChecksReference || ReferenceTargetAllowed(item, type.TargetProfiles))
        {
            return;
        }

        string? target = item.TryGetProperty("type"u8, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (target is null && item.TryGetProperty("reference"u8, out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { } reference
            && !reference.StartsWith('#') && !reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            int history = reference.IndexOf("/_history/", StringComparison.Ordinal);
            var segments = (history < 0 ? reference : reference[..history]).Split('/');
            target = segments.Length >= 2 ? segments[^2] : null;
        }

        if (target is not null && !type.TargetProfiles.Contains(target))
        {
            Add("error", "structure", ValidationIssueCodes.ReferenceTarget,
                $"{_path.LastName} refers to a {target}, but only {string.Join(", ", type.TargetProfiles)} may be referenced here.");
        }
    }

    // The common case decided on the bytes: a type member naming an allowed type, or a plain relative or absolute
    // reference whose type segment is allowed. Anything else takes the full check above.
    private static bool ReferenceTargetAllowed(JsonElement item, IReadOnlyList<string> targets)
    {
        if (item.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String)
        {
            foreach (string target in targets)
            {
                if (type.ValueEquals(target))
                {
                    return true;
                }
            }

            return false;
        }

        // Without a readable reference there is no target to check.
        if (!item.TryGetProperty("reference"u8, out var reference) || reference.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        if (JsonText.IsEscaped(reference))
        {
            return false;
        }

        var text = JsonMarshal.GetRawUtf8Value(reference)[1..^1];
        int history = text.IndexOf("/_history/"u8);
        var path = history < 0 ? text : text[..history];
        int last = path.LastIndexOf((byte)'/');
        if (text.StartsWith("#"u8) || text.StartsWith("urn:"u8) || last < 0)
        {
            return true; // contained, a URN, or a bare id: no type segment
        }

        var segment = path[(path[..last].LastIndexOf((byte)'/') + 1)..last];
        foreach (string target in targets)
        {
            if (Ascii.Equals(segment, target))
            {
                return true;
            }
        }

        return false;
    }

    // A package extension's value must be of a type its definition allows.
    private void CheckExtensionValue(JsonElement node)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        if (!node.TryGetProperty("url"u8, out var url) || url.ValueKind != JsonValueKind.String
            || !package.TryGetExtension(JsonText.String(url, buffer), out var allowed) || allowed.Count == 0)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            var name = JsonText.Name(property);

            if (name.StartsWith("value"u8) && name.Length > 5
                && ChoicePlan.TypeFromSuffix(name[5..]) is { } type && !allowed.Contains(type))
            {
                Add("error", "structure", ValidationIssueCodes.ExtensionValueType,
                    $"The extension {url.GetString()} takes a {string.Join(" or ", allowed)} value, not a {type}.", property.Name);
            }
        }
    }
}
