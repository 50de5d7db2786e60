using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Cardinality and the FHIR JSON array rules, and walking the occurrences of an element.</summary>
internal sealed partial class ValidationRun
{
    private bool CheckCardinality(ElementRule rule, int count, JsonElement? value, string at)
    {
        int min = rule.Min ?? 0;
        int? max = rule.MaxCount;
        if (count < min)
        {
            Add("error", "required", ValidationIssueCodes.MinCardinality,
                $"{rule.Name} is required{By(rule)} (minimum cardinality {min}, found {count}).", at);
        }

        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            if (array.GetArrayLength() == 0)
            {
                Add("error", "structure", ValidationIssueCodes.EmptyElement, $"{rule.Name} is an empty array; leave it out instead.", at);
                return false;
            }

            if (rule.Max == "1")
            {
                Add("error", "structure", ValidationIssueCodes.ArrayShape, $"{rule.Name} allows one value, so it must not be a JSON array.", at);
                return false;
            }
        }
        else if (value is { } single && single.ValueKind != JsonValueKind.Null && rule.Max is not null and not "1" && rule.Max != "0")
        {
            Add("error", "structure", ValidationIssueCodes.ArrayShape, $"{rule.Name} repeats, so it must be a JSON array.", at);
            return false;
        }

        if (max is { } m && count > m)
        {
            Add("error", "structure", ValidationIssueCodes.MaxCardinality,
                m == 0 ? $"{rule.Name} is not allowed{By(rule)}." : $"{rule.Name} allows at most {m} (found {count}).", at);
        }

        return true;
    }

    private static int Count(JsonElement? value, JsonElement? shadow)
    {
        static int Of(JsonElement? e) => e is { ValueKind: JsonValueKind.Array } a ? a.GetArrayLength() : e is { ValueKind: not JsonValueKind.Null } ? 1 : 0;
        return Math.Max(Of(value), Of(shadow));
    }

    private static void ForEachOccurrence(JsonElement? value, JsonElement? shadow, string at, Action<JsonElement?, JsonElement?, string> visit)
    {
        if (value is { ValueKind: JsonValueKind.Array } || shadow is { ValueKind: JsonValueKind.Array })
        {
            var values = value is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray().ToList() : [];
            var shadows = shadow is { ValueKind: JsonValueKind.Array } s ? s.EnumerateArray().ToList() : [];
            for (int i = 0; i < Math.Max(values.Count, shadows.Count); i++)
            {
                visit(i < values.Count ? values[i] : null, i < shadows.Count ? shadows[i] : null, $"{at}[{i}]");
            }

            return;
        }

        visit(value, shadow, at);
    }
}
