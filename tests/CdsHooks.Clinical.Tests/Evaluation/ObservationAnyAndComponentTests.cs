using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Loading;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary><c>observation</c> with <c>exists: true</c> plus <c>codedIn</c> (any result), and the <c>componentIn</c> filter.</summary>
public class ObservationAnyAndComponentTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";

    /// <summary>A genetic variant assessment (LOINC 69548-6) for one gene (component 48018-6, HGNC) with a coded result.</summary>
    internal static Observation Variant(string id, string hgnc, string value, string when) => Parse<Observation>($$$"""
        {"resourceType":"Observation","id":"{{{id}}}","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"69548-6"}]},"effectiveDateTime":"{{{when}}}",
         "valueCodeableConcept":{"coding":[{"system":"{{{Findings}}}","code":"{{{value}}}"}]},
         "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},
                       "valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org/geneId","code":"{{{hgnc}}}"}]}}]}
        """);

    private const string AnyExon20 = "{observation: {valueSet: lung-genetic-variant-assessment, exists: true, codedIn: lung-egfr-exon20-insertion}}";
    private const string LatestIsExon20 = "{observation: {valueSet: lung-genetic-variant-assessment, codedIn: lung-egfr-exon20-insertion}}";

    [Fact]
    public void ExistsCodedIn_AnyResultInWindowDecides_NotOnlyTheLatest()
    {
        var invocation = Call([
            Variant("egfr", "HGNC:3236", "egfr-exon20-insertion", "2024-03-01"),
            Variant("ros1", "HGNC:10261", "no-alteration-detected", "2024-03-02"),
        ], Patient());
        var any = Evaluate(AnyExon20, invocation, AsOf);
        Assert.Equal(Tri.True, any.Value);
        Assert.Equal("Observation/egfr", any.Facts.Single().Reference);
        Assert.Equal(Tri.False, Evaluate(LatestIsExon20, invocation, AsOf).Value); // the latest result is the ROS1 one
    }

    [Fact]
    public void ExistsCodedIn_NoMatchingResult_IsFalse_UnknownOnlyWhenNotRetrieved()
    {
        Assert.Equal(Tri.False, Evaluate(AnyExon20, Call([Variant("egfr", "HGNC:3236", "egfr-l858r", "2024-03-01")], Patient()), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(AnyExon20, Call([], Patient()), AsOf).Value);
        Assert.Equal(Tri.Unknown, Evaluate(AnyExon20, Call([], Patient(), gaps: [new DataGap("observations", "Observation", "timeout")]), AsOf).Value);
    }

    [Theory]
    [InlineData("2024-07-05", Tri.True)]  // 180 days before: inside the window
    [InlineData("2024-07-04", Tri.False)] // 181 days before: outside
    public void ExistsCodedIn_HonoursTheWindow(string when, Tri expected) =>
        Assert.Equal(expected, Evaluate(
            "{observation: {valueSet: lung-genetic-variant-assessment, within: P180D, exists: true, codedIn: lung-egfr-exon20-insertion}}",
            Call([Variant("egfr", "HGNC:3236", "egfr-exon20-insertion", when)], Patient()), AsOf).Value);

    private const string LatestEgfrNegative = "{observation: {valueSet: lung-genetic-variant-assessment, componentIn: lung-egfr-gene, codedIn: lung-no-alteration}}";

    [Fact]
    public void ComponentIn_LatestResultOfThatGeneDecides()
    {
        var invocation = Call([
            Variant("egfr", "HGNC:3236", "no-alteration-detected", "2024-03-01"),
            Variant("ros1", "HGNC:10261", "alk-rearrangement", "2024-04-01"), // newer, but another gene
        ], Patient());
        var result = Evaluate(LatestEgfrNegative, invocation, AsOf);
        Assert.Equal(Tri.True, result.Value);
        Assert.Equal("Observation/egfr", result.Facts.Single().Reference);
    }

    [Fact]
    public void ComponentIn_NoResultForThatGene_IsUnknown_AndExistsIsFalse()
    {
        var invocation = Call([Variant("ros1", "HGNC:10261", "no-alteration-detected", "2024-03-01")], Patient());
        var result = Evaluate(LatestEgfrNegative, invocation, AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains("genetic variant assessment", result.Missing.Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Tri.False, Evaluate("{observation: {valueSet: lung-genetic-variant-assessment, componentIn: lung-egfr-gene, exists: true}}", invocation, AsOf).Value);
    }

    [Fact]
    public void ComponentIn_ObservationWithoutComponents_DoesNotCount() =>
        Assert.Equal(Tri.Unknown, Evaluate(LatestEgfrNegative,
            Call([Coded("plain", "http://loinc.org", "69548-6", "no-alteration-detected", "2024-03-01")], Patient()), AsOf).Value);

    [Fact]
    public void Reader_RejectsExistsWithComparator()
    {
        var error = Assert.Throws<PackLoadException>(() => Evaluate(
            "{observation: {valueSet: lung-ecog, exists: true, comparator: '>=', value: 3}}", Call([], Patient()), AsOf));
        Assert.Contains("exactly one of", error.Message, StringComparison.Ordinal);
    }
}
