using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Checks of one value: primitive syntax, fixed and pattern values, bindings and reference targets.</summary>
internal sealed partial class ValidationRun
{
    private bool CheckPrimitive(JsonElement item, TypeDefinition type, string at)
    {
        var expected = type.Name switch
        {
            "boolean" => JsonValueKind.True,
            "integer" or "positiveInt" or "unsignedInt" or "decimal" => JsonValueKind.Number,
            _ => JsonValueKind.String,
        };
        bool kindOk = expected == JsonValueKind.True ? item.ValueKind is JsonValueKind.True or JsonValueKind.False : item.ValueKind == expected;
        if (!kindOk)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType,
                $"A FHIR {type.Name} is a JSON {(expected == JsonValueKind.True ? "boolean" : expected.ToString().ToLowerInvariant())}, not a JSON {item.ValueKind.ToString().ToLowerInvariant()}.", at);
            return false;
        }

        string text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
        bool valid = type.Regex is null || type.Regex.IsMatch(text);
        valid &= type.Name switch
        {
            // The regex admits 31 February; the calendar does not.
            "date" or "dateTime" or "instant" => FhirDateTime.TryParse(text, out _),
            "integer" => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _),
            "positiveInt" => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out int p) && p > 0,
            "unsignedInt" => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out int u) && u >= 0,
            "string" or "markdown" => text.Length > 0 && text.Trim().Length > 0,
            _ => true,
        };
        if (!valid)
        {
            Add("error", "value", ValidationIssueCodes.InvalidPrimitive, $"The value is not a valid FHIR {type.Name}.", at);
        }

        return valid;
    }

    private void CheckFixedAndPattern(JsonElement item, ElementRule rule, string at)
    {
        if (rule.Fixed is { } fixedValue && !JsonEquals(item, fixedValue))
        {
            Add("error", "value", ValidationIssueCodes.FixedValue, $"{rule.Name} must be exactly {fixedValue.GetRawText()}{By(rule)}.", at);
        }

        if (rule.Pattern is { } pattern && !Contains(item, pattern))
        {
            Add("error", "value", ValidationIssueCodes.PatternValue, $"{rule.Name} must contain {pattern.GetRawText()}{By(rule)}.", at);
        }
    }

    private void CheckReference(JsonElement item, TypeRef type, string at)
    {
        if (type.Code != "Reference" || type.TargetProfiles.Count == 0 || type.TargetProfiles.Contains("Resource"))
        {
            return;
        }

        string? target = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (target is null && item.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { } reference
            && !reference.StartsWith('#') && !reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            int history = reference.IndexOf("/_history/", StringComparison.Ordinal);
            var segments = (history < 0 ? reference : reference[..history]).Split('/');
            target = segments.Length >= 2 ? segments[^2] : null;
        }

        if (target is not null && !type.TargetProfiles.Contains(target))
        {
            Add("error", "structure", ValidationIssueCodes.ReferenceTarget,
                $"{Name(at)} refers to a {target}, but only {string.Join(", ", type.TargetProfiles)} may be referenced here.", at);
        }
    }

    // A package extension's value must be of a type its definition allows.
    private void CheckExtensionValue(JsonElement node, string at)
    {
        if (!node.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
            || !package.TryGetExtension(url.GetString()!, out var allowed) || allowed.Count == 0)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.Name.StartsWith("value", StringComparison.Ordinal) && property.Name.Length > 5
                && TypeFromSuffix(property.Name.AsSpan(5)) is { } type && !allowed.Contains(type))
            {
                Add("error", "structure", ValidationIssueCodes.ExtensionValueType,
                    $"The extension {url.GetString()} takes a {string.Join(" or ", allowed)} value, not a {type}.", $"{at}.{property.Name}");
            }
        }
    }

    private static string By(ElementRule rule) => rule.ConstrainedBy is { } id ? " by " + id : "";

    private static string Name(string at)
    {
        string last = at[(at.LastIndexOf('.') + 1)..];
        int bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? last[..bracket] : last;
    }

    private static bool JsonEquals(JsonElement left, JsonElement right) => JsonElement.DeepEquals(left, right);

    // FHIR pattern semantics: every member of the pattern is in the value; each pattern array item matches some item.
    private static bool Contains(JsonElement value, JsonElement pattern)
    {
        switch (pattern.ValueKind)
        {
            case JsonValueKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in pattern.EnumerateObject())
                {
                    if (!value.TryGetProperty(property.Name, out var member) || !Contains(member, property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                return value.ValueKind == JsonValueKind.Array
                    && pattern.EnumerateArray().All(p => value.EnumerateArray().Any(v => Contains(v, p)));
            default:
                return JsonEquals(value, pattern);
        }
    }
}
