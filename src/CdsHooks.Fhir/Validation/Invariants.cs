using System.Collections.Frozen;
using System.Text.Json;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// The invariants the validator evaluates, by key: each a C# reading of the FHIRPath the definition states, since no
/// FHIRPath engine restores here. An invariant whose key is not listed is not evaluated; docs/integration.md lists
/// both sets, and a test keeps every invariant the package's own profiles declare in this one.
/// </summary>
public static class Invariants
{
    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    private const string Ucum = "http://unitsofmeasure.org";

    private static readonly FrozenSet<string> TimeUnits = new[] { "a", "mo", "wk", "d", "h", "min", "s", "ms" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Func<JsonElement, JsonElement, bool>> Checks =
        new Dictionary<string, Func<JsonElement, JsonElement, bool>>(StringComparer.Ordinal)
        {
            // Datatypes.
            ["ext-1"] = (n, _) => Has(n, "extension") != HasChoice(n, "value"),
            ["per-1"] = (n, _) => Ordered(Str(n, "start"), Str(n, "end")),
            ["rng-2"] = (n, _) => !(Num(n, "low", "value") is { } low && Num(n, "high", "value") is { } high) || low <= high,
            ["rat-1"] = (n, _) => Has(n, "numerator") == Has(n, "denominator") && (Has(n, "numerator") || Has(n, "extension")),
            ["qty-3"] = (n, _) => !Has(n, "code") || Has(n, "system"),
            ["sqty-1"] = (n, _) => !Has(n, "comparator"),
            ["age-1"] = (n, _) => (Has(n, "code") || !Has(n, "value")) && (!Has(n, "system") || Str(n, "system") == Ucum)
                && (!Has(n, "code") || TimeUnits.Contains(Str(n, "code") ?? "")) && (Num(n, "value") is not { } v || v > 0),
            ["drt-1"] = (n, _) => !Has(n, "code") || (Str(n, "system") == Ucum && Has(n, "value")),
            ["cpt-2"] = (n, _) => !Has(n, "value") || Has(n, "system"),
            ["att-1"] = (n, _) => !Has(n, "data") || Has(n, "contentType"),
            ["ref-1"] = (n, root) => Str(n, "reference") is not { Length: > 1 } r || r[0] != '#' || ContainedIds(root).Contains(r[1..]),
            ["tim-1"] = (n, _) => !Has(n, "duration") || Has(n, "durationUnit"),
            ["tim-2"] = (n, _) => !Has(n, "period") || Has(n, "periodUnit"),
            ["tim-4"] = (n, _) => Num(n, "duration") is not { } d || d >= 0,
            ["tim-5"] = (n, _) => Num(n, "period") is not { } p || p >= 0,
            ["tim-6"] = (n, _) => !Has(n, "periodMax") || Has(n, "period"),
            ["tim-7"] = (n, _) => !Has(n, "durationMax") || Has(n, "duration"),
            ["tim-8"] = (n, _) => !Has(n, "countMax") || Has(n, "count"),
            ["tim-10"] = (n, _) => !Has(n, "timeOfDay") || !Has(n, "when"),

            // Observation.
            ["obs-3"] = (n, _) => Has(n, "low") || Has(n, "high") || Has(n, "text"),
            ["obs-6"] = (n, _) => !Has(n, "dataAbsentReason") || !HasChoice(n, "value"),
            ["obs-7"] = (n, _) => !HasChoice(n, "value") || !Array(n, "component").Any(c => SharesCoding(c.TryGetProperty("code", out var code) ? code : default, n.TryGetProperty("code", out var own) ? own : default)),

            // Condition. con-3 is read as meant (a problem-list item needs a clinical status): R4's FHIRPath compares
            // a CodeableConcept with a string and so never fails.
            ["con-1"] = (n, _) => Has(n, "summary") || Has(n, "assessment"),
            ["con-2"] = (n, _) => Has(n, "code") || Has(n, "detail"),
            ["con-3"] = (n, _) => Has(n, "clinicalStatus") || HasCoding(n, "verificationStatus", ConditionVerification, "entered-in-error")
                || !Array(n, "category").Any(c => HasCoding(c, ConditionCategory, "problem-list-item")),
            ["con-4"] = (n, _) => !HasChoice(n, "abatement")
                || HasCoding(n, "clinicalStatus", ConditionClinical, "resolved", "remission", "inactive"),
            ["con-5"] = (n, _) => !HasCoding(n, "verificationStatus", ConditionVerification, "entered-in-error") || !Has(n, "clinicalStatus"),

            // The project's profiles (fhir-profiles/StructureDefinition-*.json).
            ["rcds-ms-1"] = (n, _) => Str(n, "status") is not ("stopped" or "completed") || Has(n, "statusReason"),
            ["rcds-ms-2"] = (n, _) => n.TryGetProperty("effectivePeriod", out var period) && Has(period, "start"),
            ["rcds-mr-1"] = (n, _) => Has(n, "authoredOn"),
            ["rcds-con-1"] = (n, _) => Has(n, "onsetDateTime") || (n.TryGetProperty("onsetPeriod", out var onset) && Has(onset, "start")),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The keys of the invariants evaluated.</summary>
    public static IReadOnlyCollection<string> Keys => Checks.Keys;

    /// <summary>Whether an invariant is evaluated.</summary>
    /// <param name="key">Its key, e.g. <c>per-1</c>.</param>
    /// <returns>True when evaluated.</returns>
    public static bool IsEvaluated(string key) => Checks.ContainsKey(key);

    /// <summary>Evaluates an invariant on an element.</summary>
    /// <param name="key">The key.</param>
    /// <param name="node">The element that declares it.</param>
    /// <param name="root">The resource the element is in (for references to contained resources).</param>
    /// <returns>True or false; null when the invariant is not evaluated.</returns>
    public static bool? Evaluate(string key, JsonElement node, JsonElement root) =>
        Checks.TryGetValue(key, out var check) ? check(node, root) : null;

    private static bool Has(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    // value[x]: any member named value + a type name (valueQuantity, valueString, ...).
    private static bool HasChoice(JsonElement node, string stem)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.Name.Length > stem.Length && property.Name.StartsWith(stem, StringComparison.Ordinal) && char.IsAsciiLetterUpper(property.Name[stem.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Str(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Num(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : null;

    private static decimal? Num(JsonElement node, string name, string inner) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? Num(value, inner) : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : default;

    // FHIRPath compares dates of different precision as "empty", which passes; the same precision compares exactly.
    private static bool Ordered(string? start, string? end)
    {
        if (!FhirDateTime.TryParse(start, out var s) || !FhirDateTime.TryParse(end, out var e))
        {
            return true;
        }

        return s.Precision == e.Precision ? s.LowerBound <= e.LowerBound : s.LowerBound < e.UpperBound;
    }

    private static bool HasCoding(JsonElement node, string name, string system, params string[] codes) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var concept) && HasCoding(concept, system, codes);

    private static bool HasCoding(JsonElement concept, string system, params string[] codes) =>
        Array(concept, "coding").Any(c => Str(c, "system") == system && codes.Contains(Str(c, "code")));

    private static bool SharesCoding(JsonElement left, JsonElement right) =>
        Array(left, "coding").Any(l => Array(right, "coding").Any(r => Str(l, "system") == Str(r, "system") && Str(l, "code") is { } code && code == Str(r, "code")));

    private static HashSet<string> ContainedIds(JsonElement root) =>
        Array(root, "contained").Select(c => Str(c, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
