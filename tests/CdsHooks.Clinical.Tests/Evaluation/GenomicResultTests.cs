using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary>The <c>genomicResult</c> predicate: gene-specific tests and HL7 Genomics variant assessments.</summary>
public class GenomicResultTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Loinc = "http://loinc.org";
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";
    private const string BrafMutant = "{genomicResult: {valueSet: crc-braf-v600e-test, variantAssessment: crc-genetic-variant-assessment, gene: crc-braf-gene, codedIn: crc-braf-mutant-result}}";
    private const string RasMutant = "{genomicResult: {valueSet: crc-ras-test, variantAssessment: crc-genetic-variant-assessment, gene: crc-ras-genes, codedIn: crc-ras-mutant-result}}";

    /// <summary>A 69548-6 variant assessment naming a gene (HGNC) in a 48018-6 component.</summary>
    internal static Observation Variant(string id, string hgnc, string value, string when) => Parse<Observation>($$"""
        {"resourceType":"Observation","id":"{{id}}","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"69548-6"}]},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{when}}",
         "valueCodeableConcept":{"coding":[{"system":"{{Findings}}","code":"{{value}}"}]},
         "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},
                       "valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org/geneId","code":"{{hgnc}}"}]} }]}
        """);

    private static HookInvocation With(params Resource[] resources) => Call(resources, Patient());

    [Fact]
    public void VariantAssessmentOfTheGene_Mutant_IsTrue()
    {
        var result = Evaluate(BrafMutant, With(Variant("braf", "HGNC:1097", "braf-v600e", "2025-01-10")), AsOf);
        Assert.Equal(Tri.True, result.Value);
        Assert.Equal("Observation/braf", Assert.Single(result.Facts).Reference);
    }

    [Fact]
    public void VariantAssessmentOfTheGene_WildType_IsFalse() =>
        Assert.Equal(Tri.False, Evaluate(BrafMutant, With(Variant("braf", "HGNC:1097", "no-alteration-detected", "2025-01-10")), AsOf).Value);

    [Fact]
    public void VariantAssessmentOfAnotherGene_IsIgnored_SoUnknown()
    {
        // An NRAS mutation is not a BRAF result: the BRAF status stays unknown, it does not become "mutant".
        var result = Evaluate(BrafMutant, With(Variant("nras", "HGNC:7989", "nras-mutant", "2025-01-10")), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("BRAF", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void GeneSpecificTest_CountsWithoutComponent()
    {
        Assert.Equal(Tri.True, Evaluate(RasMutant, With(Coded("kras", Loinc, "21702-6", "kras-mutant", "2024-01-01")), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate(BrafMutant, With(Coded("ihc", Loinc, "85299-6", "positive", "2024-01-01")), AsOf).Value);
    }

    [Fact]
    public void LatestResult_Decides_AcrossTestKinds()
    {
        // An older RAS-panel wild-type result, then a newer NRAS variant assessment with a mutation.
        var resources = With(Coded("panel", Loinc, "81420-2", "ras-wild-type", "2023-01-01"), Variant("nras", "HGNC:7989", "nras-mutant", "2024-06-01"));
        Assert.Equal(Tri.True, Evaluate(RasMutant, resources, AsOf).Value);
        var reversed = With(Variant("nras", "HGNC:7989", "nras-mutant", "2023-01-01"), Coded("panel", Loinc, "81420-2", "ras-wild-type", "2024-06-01"));
        Assert.Equal(Tri.False, Evaluate(RasMutant, reversed, AsOf).Value);
    }

    [Fact]
    public void NoResult_IsUnknown_ExistsIsFalse()
    {
        Assert.Equal(Tri.Unknown, Evaluate(RasMutant, With(), AsOf).Value);
        const string Exists = "{genomicResult: {valueSet: crc-ras-test, variantAssessment: crc-genetic-variant-assessment, gene: crc-ras-genes, exists: true}}";
        Assert.Equal(Tri.False, Evaluate(Exists, With(), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate(Exists, With(Variant("kras", "HGNC:6407", "kras-mutant", "2024-01-01")), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(Exists, With(Variant("braf", "HGNC:1097", "braf-v600e", "2024-01-01")), AsOf).Value);
    }

    [Fact]
    public void ObservationsNotRetrieved_IsUnknown_EvenForExists()
    {
        var call = Call([], Patient(), gaps: [new DataGap("observations", "Observation", "timeout")]);
        Assert.Equal(Tri.Unknown, Evaluate("{genomicResult: {valueSet: crc-ras-test, exists: true}}", call, AsOf).Value);
    }

    [Fact]
    public void Window_ExcludesOlderResults_AndUncodedResultsAreSkipped()
    {
        const string Recent = "{genomicResult: {valueSet: crc-ras-test, within: P1Y, codedIn: crc-ras-mutant-result}}";
        Assert.Equal(Tri.Unknown, Evaluate(Recent, With(Coded("kras", Loinc, "21702-6", "kras-mutant", "2022-01-01")), AsOf).Value);
        var uncoded = Parse<Observation>("""
            {"resourceType":"Observation","id":"text","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"21702-6"}]},
             "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2025-02-01","valueString":"see report"}
            """);
        Assert.Equal(Tri.True, Evaluate(Recent, With(uncoded, Coded("kras", Loinc, "21702-6", "kras-mutant", "2024-09-01")), AsOf).Value);
    }
}

/// <summary>How a pack that misuses <c>genomicResult</c> or <c>sinceDiagnosis</c> fails to load.</summary>
public class GenomicResultReaderTests
{
    private static string Pack(string when) => $$"""
        id: bad
        version: 1.0.0
        title: bad
        sources: {s: {label: S} }
        scope: {diagnosis: crc-liver-metastasis}
        rules:
          - id: bad.rule
            version: 1.0.0
            hooks: [patient-view]
            kind: safety
            when: {{when}}
            card: {indicator: info, summary: "ok"}
            evidence: [{source: s}]
        """;

    private static CdsHooks.Clinical.Rules.Loading.PackLoadException Fails(string when) =>
        Assert.Throws<CdsHooks.Clinical.Rules.Loading.PackLoadException>(() => new CdsHooks.Clinical.Evaluation.PackCompiler(ClinicalFixture.Knowledge.Terminology)
            .Compile(CdsHooks.Clinical.Rules.Loading.PackReader.Read("bad.yaml", Pack(when)), new Dictionary<string, string>()));

    [Theory]
    [InlineData("{genomicResult: {variantAssessment: crc-genetic-variant-assessment, codedIn: crc-ras-mutant-result}}", "go together")]
    [InlineData("{genomicResult: {codedIn: crc-ras-mutant-result}}", "needs valueSet")]
    [InlineData("{genomicResult: {valueSet: crc-ras-test}}", "exactly one of")]
    [InlineData("{genomicResult: {valueSet: crc-ras-test, exists: true, codedIn: crc-ras-mutant-result}}", "exactly one of")]
    [InlineData("{genomicResult: {valueSet: crc-no-such-set, exists: true}}", "crc-no-such-set")]
    [InlineData("{therapy: {valueSet: crc-systemic-therapy, sinceDiagnosis: crc-no-such-set}}", "crc-no-such-set")]
    public void Misuse_FailsWithTheReason(string when, string reason) =>
        Assert.Contains(reason, Fails(when).Message, StringComparison.Ordinal);
}
