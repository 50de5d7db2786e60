using System.Globalization;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Cardinality and the FHIR JSON array rules, and walking the occurrences of an element.</summary>
internal sealed partial class ValidationRun
{
    // value: the member's JSON (absent: default).
    private bool CheckCardinality(ElementRule rule, int count, Node value)
    {
        int min = rule.Min ?? 0;
        int? max = MaxOf(rule);
        if (count < min)
        {
            Add("error", "required", ValidationIssueCodes.MinCardinality,
                $"{rule.Name} is required{By(rule)} (minimum cardinality {min}, found {count}).");
        }

        if (value.Kind == JsonValueKind.Array)
        {
            if (value.Element.GetArrayLength() == 0)
            {
                Add("error", "structure", ValidationIssueCodes.EmptyElement, $"{rule.Name} is an empty array; leave it out instead.");
                return false;
            }

            if (rule.MaxBound == Bound.One)
            {
                Add("error", "structure", ValidationIssueCodes.ArrayShape, $"{rule.Name} allows one value, so it must not be a JSON array.");
                return false;
            }
        }
        else if (value.Kind is not (JsonValueKind.Undefined or JsonValueKind.Null) && rule.MaxBound is Bound.Unbounded or Bound.Other)
        {
            Add("error", "structure", ValidationIssueCodes.ArrayShape, $"{rule.Name} repeats, so it must be a JSON array.");
            return false;
        }

        if (max is { } m && count > m)
        {
            Add("error", "structure", ValidationIssueCodes.MaxCardinality,
                m == 0 ? $"{rule.Name} is not allowed{By(rule)}." : $"{rule.Name} allows at most {m} (found {count}).");
        }

        return true;
    }

    // ElementRule.MaxCount without parsing the common bounds.
    private static int? MaxOf(ElementRule rule) => rule.MaxBound switch
    {
        Bound.None or Bound.Unbounded => null,
        Bound.One => 1,
        Bound.Zero => 0,
        _ => int.Parse(rule.Max!, CultureInfo.InvariantCulture),
    };

    private static int Count(Node value, Node shadow)
    {
        static int Of(Node e) => e.Kind switch
        {
            JsonValueKind.Array => e.Element.GetArrayLength(),
            JsonValueKind.Undefined or JsonValueKind.Null => 0,
            _ => 1,
        };

        return Math.Max(Of(value), Of(shadow));
    }

    // Each occurrence with its extensions: value[i] with _value[i] when either is an array, else the pair itself.
    private void ForEachOccurrence(Node value, Node shadow, ValuePlan plan)
    {
        bool valueArray = value.Kind == JsonValueKind.Array;
        bool shadowArray = shadow.Kind == JsonValueKind.Array;
        if (!valueArray && !shadowArray)
        {
            ValidateValue(value, shadow, plan);
            return;
        }

        var values = valueArray ? value.Element.EnumerateArray() : default;
        var shadows = shadowArray ? shadow.Element.EnumerateArray() : default;
        for (int i = 0; ; i++)
        {
            valueArray = valueArray && values.MoveNext();
            shadowArray = shadowArray && shadows.MoveNext();
            if (!valueArray && !shadowArray)
            {
                return;
            }

            _path.PushIndex(i);
            ValidateValue(valueArray ? Node.Of(values.Current) : default, shadowArray ? Node.Of(shadows.Current) : default, plan);
            _path.Pop();
        }
    }

    private static string By(ElementRule rule) => rule.ConstrainedBy is { } id ? " by " + id : "";
}
