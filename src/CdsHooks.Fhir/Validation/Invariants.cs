using System.Collections.Frozen;
using System.Text.Json;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// The invariants the validator evaluates, by key: each a C# reading of the FHIRPath the definition states, since no
/// FHIRPath engine restores here. An invariant whose key is not listed is not evaluated; docs/integration.md lists
/// both sets, and a test keeps every invariant the package's own profiles declare in this one.
/// </summary>
public static partial class Invariants
{
    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    private const string Ucum = "http://unitsofmeasure.org";

    private static readonly string[] EnteredInError = ["entered-in-error"];
    private static readonly string[] ProblemListItem = ["problem-list-item"];
    private static readonly string[] NotActive = ["resolved", "remission", "inactive"];

    private static readonly FrozenSet<string> TimeUnits = new[] { "a", "mo", "wk", "d", "h", "min", "s", "ms" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Func<JsonElement, JsonElement, bool>> Checks =
        new Dictionary<string, Func<JsonElement, JsonElement, bool>>(StringComparer.Ordinal)
        {
            // Datatypes.
            ["ext-1"] = (n, _) => Has(n, "extension"u8) != HasChoice(n, "value"),
            ["per-1"] = (n, _) => !(Str(n, "start"u8, out _) && Str(n, "end"u8, out _)) || Ordered(Str(n, "start"), Str(n, "end")),
            ["rng-2"] = (n, _) => !(Num(n, "low", "value") is { } low && Num(n, "high", "value") is { } high) || low <= high,
            ["rat-1"] = (n, _) => Has(n, "numerator"u8) == Has(n, "denominator"u8) && (Has(n, "numerator"u8) || Has(n, "extension"u8)),
            ["qty-3"] = (n, _) => !Has(n, "code"u8) || Has(n, "system"u8),
            ["sqty-1"] = (n, _) => !Has(n, "comparator"u8),
            ["age-1"] = (n, _) => (Has(n, "code"u8) || !Has(n, "value"u8)) && (!Has(n, "system"u8) || StrIs(n, "system"u8, Ucum))
                && (!Has(n, "code"u8) || TimeUnits.Contains(Str(n, "code") ?? "")) && (Num(n, "value") is not { } v || v > 0),
            ["drt-1"] = (n, _) => !Has(n, "code"u8) || (StrIs(n, "system"u8, Ucum) && Has(n, "value"u8)),
            ["cpt-2"] = (n, _) => !Has(n, "value"u8) || Has(n, "system"u8),
            ["att-1"] = (n, _) => !Has(n, "data"u8) || Has(n, "contentType"u8),
            ["ref-1"] = (n, root) => !IsLocalReference(n) || Str(n, "reference") is not { Length: > 1 } r || r[0] != '#' || ContainedIds(root).Contains(r[1..]),
            ["tim-1"] = (n, _) => !Has(n, "duration"u8) || Has(n, "durationUnit"u8),
            ["tim-2"] = (n, _) => !Has(n, "period"u8) || Has(n, "periodUnit"u8),
            ["tim-4"] = (n, _) => Num(n, "duration") is not { } d || d >= 0,
            ["tim-5"] = (n, _) => Num(n, "period") is not { } p || p >= 0,
            ["tim-6"] = (n, _) => !Has(n, "periodMax"u8) || Has(n, "period"u8),
            ["tim-7"] = (n, _) => !Has(n, "durationMax"u8) || Has(n, "duration"u8),
            ["tim-8"] = (n, _) => !Has(n, "countMax"u8) || Has(n, "count"u8),
            ["tim-10"] = (n, _) => !Has(n, "timeOfDay"u8) || !Has(n, "when"u8),

            // Observation.
            ["obs-3"] = (n, _) => Has(n, "low"u8) || Has(n, "high"u8) || Has(n, "text"u8),
            ["obs-6"] = (n, _) => !Has(n, "dataAbsentReason"u8) || !HasChoice(n, "value"),
            ["obs-7"] = (n, _) => !ComponentSharesCode(n) || !HasChoice(n, "value"),

            // Condition. con-3 is read as meant (a problem-list item needs a clinical status): R4's FHIRPath compares
            // a CodeableConcept with a string and so never fails.
            ["con-1"] = (n, _) => Has(n, "summary"u8) || Has(n, "assessment"u8),
            ["con-2"] = (n, _) => Has(n, "code"u8) || Has(n, "detail"u8),
            ["con-3"] = (n, _) => Has(n, "clinicalStatus"u8) || HasCoding(n, "verificationStatus"u8, ConditionVerification, EnteredInError)
                || !AnyCategoryIsProblemListItem(n),
            ["con-4"] = (n, _) => !HasChoice(n, "abatement") || HasCoding(n, "clinicalStatus"u8, ConditionClinical, NotActive),
            ["con-5"] = (n, _) => !HasCoding(n, "verificationStatus"u8, ConditionVerification, EnteredInError) || !Has(n, "clinicalStatus"u8),

            // The project's profiles (fhir-profiles/StructureDefinition-*.json).
            ["rcds-ms-1"] = (n, _) => !(StrIs(n, "status"u8, "stopped") || StrIs(n, "status"u8, "completed")) || Has(n, "statusReason"u8),
            ["rcds-ms-2"] = (n, _) => n.TryGetProperty("effectivePeriod"u8, out var period) && Has(period, "start"u8),
            ["rcds-mr-1"] = (n, _) => Has(n, "authoredOn"u8),
            ["rcds-con-1"] = (n, _) => Has(n, "onsetDateTime"u8) || (n.TryGetProperty("onsetPeriod"u8, out var onset) && Has(onset, "start"u8)),
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

    /// <summary>The check of an evaluated invariant, for the validator to look up once.</summary>
    internal static bool TryGetCheck(string key, out Func<JsonElement, JsonElement, bool> check) => Checks.TryGetValue(key, out check!);
}
