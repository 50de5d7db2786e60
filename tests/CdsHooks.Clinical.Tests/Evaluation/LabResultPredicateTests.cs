using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary>titer, abnormal and componentCount, on the value sets of the SLE pack.</summary>
public class LabResultPredicateTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";
    private const string AnaAtLeast80 = "{titer: {valueSet: ana-ifa-titer, within: P12M, comparator: '>=', value: 80}}";
    private const string DsDnaHigh = "{abnormal: {valueSet: anti-dsdna, within: P12M, direction: high}}";

    private static Observation Ana(string value, string when = "2024-12-01", string id = "ana") => Parse<Observation>($$"""
        {"resourceType":"Observation","id":"{{id}}","status":"final","code":{"coding":[{"system":"{{Findings}}","code":"ana-ifa-titer"}]},
         "effectiveDateTime":"{{when}}",{{value}} }
        """);

    private static CriterionResult Titer(params Resource[] resources) => Evaluate(AnaAtLeast80, Call(resources, Patient()), AsOf);

    // ---------------------------------------------------------------- titer
    [Theory]
    [InlineData("\"valueQuantity\":{\"value\":320,\"unit\":\"{titer}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{titer}\"}", Tri.True)]
    [InlineData("\"valueQuantity\":{\"value\":80,\"code\":\"{titer}\"}", Tri.True)]
    [InlineData("\"valueQuantity\":{\"value\":40,\"code\":\"{titer}\"}", Tri.False)]
    [InlineData("\"valueQuantity\":{\"value\":0.0125,\"code\":\"1\"}", Tri.True)]
    [InlineData("\"valueQuantity\":{\"value\":80,\"comparator\":\"<\",\"code\":\"{titer}\"}", Tri.False)]
    [InlineData("\"valueQuantity\":{\"value\":160,\"comparator\":\"<\",\"code\":\"{titer}\"}", Tri.Unknown)]
    [InlineData("\"valueQuantity\":{\"value\":640,\"comparator\":\">\",\"code\":\"{titer}\"}", Tri.True)]
    [InlineData("\"valueQuantity\":{\"value\":25,\"unit\":\"U/mL\",\"code\":\"U/mL\"}", Tri.Unknown)] // an immunoassay level is not a titre
    [InlineData("\"valueRatio\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":80}}", Tri.True)]
    [InlineData("\"valueRatio\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":40}}", Tri.False)]
    [InlineData("\"valueString\":\"1:320\"", Tri.True)]
    [InlineData("\"valueString\":\"1∶80\"", Tri.True)]
    [InlineData("\"valueString\":\"1/40\"", Tri.False)]
    [InlineData("\"valueString\":\"<1:40\"", Tri.False)]
    [InlineData("\"valueString\":\"≥1:1280\"", Tri.True)]
    [InlineData("\"valueString\":\"positive 1:160, speckled\"", Tri.True)]
    [InlineData("\"valueString\":\"320\"", Tri.True)]
    [InlineData("\"valueString\":\"Positive\"", Tri.Unknown)]
    [InlineData("\"valueString\":\"negative\"", Tri.Unknown)]
    [InlineData("\"valueString\":\"阳性\"", Tri.Unknown)]
    [InlineData("\"valueCodeableConcept\":{\"text\":\"1:640\"}", Tri.True)]
    [InlineData("\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"10828004\",\"display\":\"Positive\"}]}", Tri.Unknown)]
    public void Titer_ReadsEveryValueForm_AndKeepsTheUndecidedUnknown(string value, Tri expected) =>
        Assert.Equal(expected, Titer(Ana(value)).Value);

    [Fact]
    public void Titer_QualitativeResult_SaysWhatIsMissing()
    {
        var result = Titer(Ana("\"valueString\":\"positive\""));
        Assert.Contains(result.Missing, m => m.Contains("a titre for ANA titre by immunofluorescence", StringComparison.Ordinal) && m.Contains("positive", StringComparison.Ordinal));
    }

    [Fact]
    public void Titer_LatestResultDecides()
    {
        var result = Titer(Ana("\"valueString\":\"1:320\"", "2024-06-01", "old"), Ana("\"valueString\":\"1:40\"", "2024-12-01", "new"));
        Assert.Equal(Tri.False, result.Value);
        Assert.Equal("Observation/new", Assert.Single(result.Facts).Reference);
    }

    [Fact]
    public void Titer_NoResultInWindow_IsUnknown()
    {
        Assert.Equal(Tri.Unknown, Titer().Value);
        Assert.Equal(Tri.Unknown, Titer(Ana("\"valueString\":\"1:320\"", "2023-06-01")).Value);
        Assert.Equal(Tri.Unknown, Evaluate(AnaAtLeast80, Call([], Patient(), gaps: [new DataGap("labs", "Observation", "timeout")]), AsOf).Value);
    }

    // ---------------------------------------------------------------- abnormal
    private static Observation DsDna(string value, string extra = "") => Parse<Observation>($$"""
        {"resourceType":"Observation","id":"dsdna","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"33799-8"}]},
         "effectiveDateTime":"2024-12-01",{{value}}{{extra}} }
        """);

    private const string Range30 = ",\"referenceRange\":[{\"high\":{\"value\":30,\"unit\":\"[IU]/mL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"[IU]/mL\"}}]";

    private static string Flag(string code) => $",\"interpretation\":[{{\"coding\":[{{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation\",\"code\":\"{code}\"}}]}}]";

    private static string Quantity(decimal value, string? comparator = null, string unit = "[IU]/mL") =>
        $"\"valueQuantity\":{{\"value\":{value.ToString(System.Globalization.CultureInfo.InvariantCulture)},{(comparator is null ? "" : $"\"comparator\":\"{comparator}\",")}\"unit\":\"{unit}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{unit}\"}}";

    private static Tri Abnormal(Observation observation) => Evaluate(DsDnaHigh, Call([observation], Patient()), AsOf).Value;

    [Theory]
    [InlineData(55, null, Tri.True)]
    [InlineData(30, null, Tri.False)] // at the limit is not above it
    [InlineData(12, null, Tri.False)]
    [InlineData(200, ">", Tri.True)]
    [InlineData(10, "<", Tri.False)]
    [InlineData(50, "<", Tri.Unknown)]
    public void Abnormal_ValueAgainstReferenceRange(decimal value, string? comparator, Tri expected) =>
        Assert.Equal(expected, Abnormal(DsDna(Quantity(value, comparator), Range30)));

    [Fact]
    public void Abnormal_ConvertsTheLimitIntoTheResultUnit() =>
        Assert.Equal(Tri.True, Abnormal(DsDna(Quantity(55), ",\"referenceRange\":[{\"high\":{\"value\":30000,\"code\":\"[IU]/L\"}}]")));

    [Theory]
    [InlineData("H", Tri.True)]
    [InlineData("HH", Tri.True)]
    [InlineData("POS", Tri.True)]
    [InlineData("N", Tri.False)]
    [InlineData("NEG", Tri.False)]
    [InlineData("A", Tri.Unknown)] // abnormal without a direction
    public void Abnormal_WithoutRange_UsesTheLaboratoryFlag(string flag, Tri expected) =>
        Assert.Equal(expected, Abnormal(DsDna(Quantity(55), Flag(flag))));

    [Fact]
    public void Abnormal_NeitherRangeNorFlag_IsUnknownAndSaysSo()
    {
        var result = Evaluate(DsDnaHigh, Call([DsDna(Quantity(55))], Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("no reference range or interpretation flag", StringComparison.Ordinal));
    }

    [Fact]
    public void Abnormal_BelowTheLowerLimit() =>
        Assert.Equal(Tri.True, Evaluate("{abnormal: {valueSet: anti-dsdna, direction: low}}",
            Call([DsDna(Quantity(2), ",\"referenceRange\":[{\"low\":{\"value\":5,\"code\":\"[IU]/mL\"}}]")], Patient()), AsOf).Value);

    [Fact]
    public void Abnormal_NoResult_IsUnknown() => Assert.Equal(Tri.Unknown, Evaluate(DsDnaHigh, Call([], Patient()), AsOf).Value);

    // ---------------------------------------------------------------- componentCount
    private static Observation Bilag(string when, params string?[] grades)
    {
        string[] domains = ["constitutional", "mucocutaneous", "neuropsychiatric", "musculoskeletal", "cardiorespiratory", "gastrointestinal", "ophthalmic", "renal", "haematological"];
        var components = grades.Select((g, i) => g is null
            ? $$$"""{"code":{"coding":[{"system":"{{{Findings}}}","code":"bilag-2004-{{{domains[i]}}}"}]},"dataAbsentReason":{"text":"not assessed"}}"""
            : $$$"""{"code":{"coding":[{"system":"{{{Findings}}}","code":"bilag-2004-{{{domains[i]}}}","display":"BILAG-2004 {{{domains[i]}}} domain"}]},"valueCodeableConcept":{"coding":[{"system":"{{{Findings}}}","code":"bilag-grade-{{{g}}}"}]}}""");
        return Parse<Observation>($$"""
            {"resourceType":"Observation","id":"bilag-{{when}}","status":"final","code":{"coding":[{"system":"{{Findings}}","code":"bilag-2004"}]},
             "effectiveDateTime":"{{when}}","component":[{{string.Join(",", components)}}]}
            """);
    }

    private static Tri Count(string grade, int count, params Resource[] resources) =>
        Evaluate($"{{componentCount: {{valueSet: bilag-2004, within: P3M, codedIn: bilag-grade-{grade}, comparator: '>=', count: {count}}}}}",
            Call(resources, Patient()), AsOf).Value;

    [Fact]
    public void ComponentCount_CountsGradesOfTheLatestAssessment()
    {
        var oneA = Bilag("2024-12-01", "e", "a", "e", "e", "e", "e", "e", "e", "e");
        Assert.Equal(Tri.True, Count("a", 1, oneA));
        Assert.Equal(Tri.False, Count("b", 2, oneA));
        Assert.Equal(Tri.True, Count("b", 2, Bilag("2024-12-01", "e", "b", "e", "b", "e", "e", "e", "e", "e")));
        Assert.Equal(Tri.False, Count("b", 2, Bilag("2024-12-01", "d", "b", "e", "c", "e", "e", "e", "e", "e")));
        Assert.Equal(Tri.False, Count("a", 1, Bilag("2024-12-20", "e", "e", "e", "e", "e", "e", "e", "e", "e"), oneA)); // the newer one decides
    }

    [Fact]
    public void ComponentCount_UngradedDomainsThatCouldChangeTheAnswer_AreUnknown()
    {
        var partly = Bilag("2024-12-01", "e", "b", null, "e", "e", "e", "e", null, "e");
        Assert.Equal(Tri.Unknown, Count("a", 1, partly));
        Assert.Equal(Tri.Unknown, Count("b", 2, partly));
        Assert.Equal(Tri.True, Count("b", 1, partly));
    }

    [Fact]
    public void ComponentCount_NoAssessmentWithComponentsInWindow_IsUnknown()
    {
        var summaryOnly = Parse<Observation>($$"""
            {"resourceType":"Observation","id":"s","status":"final","code":{"coding":[{"system":"{{Findings}}","code":"bilag-2004"}]},"effectiveDateTime":"2024-12-01","valueString":"1 A"}
            """);
        Assert.Equal(Tri.Unknown, Count("a", 1, summaryOnly));
        Assert.Equal(Tri.Unknown, Count("a", 1, Bilag("2024-06-01", "a", "e", "e", "e", "e", "e", "e", "e", "e")));
    }
}
