using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Validation;

/// <summary>Reading the JSON the invariants test, mostly without reading strings.</summary>
public static partial class Invariants
{
    private static bool Has(JsonElement node, ReadOnlySpan<byte> name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    // value[x]: any member named value + a type name (valueQuantity, valueString, ...), compared as UTF-8 bytes (the
    // stem is ASCII, so a non-ASCII byte never matches it or counts as an upper-case letter).
    private static bool HasChoice(JsonElement node, string stem)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in node.EnumerateObject())
        {
            var name = JsonText.Name(property);
            if (name.Length > stem.Length && Ascii.Equals(name[..stem.Length], stem) && char.IsAsciiLetterUpper((char)name[stem.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Str(JsonElement node, string name) => JsonText.Member(node, name);

    // Whether Str(node, name) is not null, without reading the string.
    private static bool Str(JsonElement node, ReadOnlySpan<byte> name, out JsonElement value)
    {
        value = default;
        return node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.String;
    }

    // Str(node, name) == text, without reading the string.
    private static bool StrIs(JsonElement node, ReadOnlySpan<byte> name, string text) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(text);

    private static decimal? Num(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : null;

    private static decimal? Num(JsonElement node, string name, string inner) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? Num(value, inner) : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : default;

    private static bool IsArray(JsonElement node, ReadOnlySpan<byte> name, out JsonElement array)
    {
        array = default;
        return node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array;
    }

    // FHIRPath compares dates of different precision as "empty", which passes; the same precision compares exactly.
    private static bool Ordered(string? start, string? end)
    {
        if (!FhirDateTime.TryParse(start, out var s) || !FhirDateTime.TryParse(end, out var e))
        {
            return true;
        }

        return s.Precision == e.Precision ? s.LowerBound <= e.LowerBound : s.LowerBound < e.UpperBound;
    }

    private static bool HasCoding(JsonElement node, ReadOnlySpan<byte> name, string system, string[] codes) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var concept) && HasCoding(concept, system, codes);

    // Some coding of the concept has the system and one of the codes.
    private static bool HasCoding(JsonElement concept, string system, string[] codes)
    {
        if (!IsArray(concept, "coding"u8, out var codings))
        {
            return false;
        }

        foreach (var coding in codings.EnumerateArray())
        {
            if (StrIs(coding, "system"u8, system))
            {
                foreach (string code in codes)
                {
                    if (StrIs(coding, "code"u8, code))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool AnyCategoryIsProblemListItem(JsonElement condition)
    {
        if (IsArray(condition, "category"u8, out var categories))
        {
            foreach (var category in categories.EnumerateArray())
            {
                if (HasCoding(category, ConditionCategory, ProblemListItem))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // obs-7: a component with the observation's own code (some coding in common).
    private static bool ComponentSharesCode(JsonElement observation)
    {
        if (!IsArray(observation, "component"u8, out var components))
        {
            return false;
        }

        var own = observation.TryGetProperty("code"u8, out var code) ? code : default;
        foreach (var component in components.EnumerateArray())
        {
            if (component.ValueKind == JsonValueKind.Object && component.TryGetProperty("code"u8, out var its) && SharesCoding(its, own))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SharesCoding(JsonElement left, JsonElement right) =>
        Array(left, "coding").Any(l => Array(right, "coding").Any(r => Str(l, "system") == Str(r, "system") && Str(l, "code") is { } code && code == Str(r, "code")));

    // A reference that may point into contained: its reference is a string starting with '#' (decided without reading it when plain).
    private static bool IsLocalReference(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("reference"u8, out var reference) && reference.ValueKind == JsonValueKind.String
        && (JsonText.IsEscaped(reference) || System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(reference) is [_, (byte)'#', ..]);

    private static HashSet<string> ContainedIds(JsonElement root) =>
        Array(root, "contained").Select(c => Str(c, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
