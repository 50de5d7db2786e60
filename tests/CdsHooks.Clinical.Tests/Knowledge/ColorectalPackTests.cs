using System.Text.Json;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Fhir.Model;
using CdsHooks.Testing;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using static CdsHooks.Clinical.Tests.ClinicalFixture;

namespace CdsHooks.Clinical.Tests.Knowledge;

/// <summary>
/// The colorectal-liver-metastases pack on synthetic patients: ablation size and count boundaries, RAS gating at order
/// time, scope, the recorded (never computed) resectability decision, and a site overriding an assumption.
/// </summary>
public class ColorectalPackTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Sct = "http://snomed.info/sct";
    private const string Loinc = "http://loinc.org";
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";

    private static async Task<IReadOnlyList<string>> RulesAsync(
        IEnumerable<Resource> resources, string hook = "patient-view", IReadOnlyList<Resource>? drafts = null,
        IReadOnlyList<DataGap>? gaps = null, KnowledgeBase? knowledge = null)
    {
        var engine = new RefractoryEngine(knowledge ?? ClinicalFixture.Knowledge, new FixedTimeProvider(AsOf), MsOptions.Create(Options()), NullLogger<RefractoryEngine>.Instance);
        var cards = await engine.EvaluateAsync(Call(resources, Patient(), hook, drafts, gaps), CancellationToken.None);
        return cards.Select(RuleCoverageTests.RuleOf).Where(r => r.StartsWith("crlm.", StringComparison.Ordinal)).ToList();
    }

    private static Resource[] Crlm(string decision = "unresectable", string onset = "2025-01-10") =>
    [
        Condition("crc", Sct, "363406005", onset: onset),
        Condition("mets", Sct, "94381002", onset: onset),
        Coded("mdt", Findings, "mdt-resectability", decision, "2025-02-01"),
    ];

    private static Observation Count(decimal lesions, string when = "2025-02-20") => Quantity("count", "liver-metastasis-count", lesions, "{#}", when, Findings);

    private static Observation Size(decimal centimetres, string when = "2025-02-20") => Quantity("size", "liver-metastasis-largest-diameter", centimetres, "cm", when, Findings);

    private static MedicationRequest Draft(string id, string rxnorm) => Parse<MedicationRequest>($$"""
        {"resourceType":"MedicationRequest","id":"{{id}}","status":"draft","intent":"order",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{rxnorm}}"}]},
         "subject":{"reference":"Patient/p1"} }
        """);

    // ---------------------------------------------------------------- ablation [21] and MWA vs SBRT [20] boundaries
    [Theory]
    [InlineData(3, 2.9, true, false)]   // at most 3 lesions, all under 3 cm: upfront ablation
    [InlineData(1, 0.8, true, false)]
    [InlineData(4, 2.9, false, false)]  // four lesions: outside [21]
    [InlineData(3, 3.0, false, true)]   // 3 cm is not 'under 3 cm', and is 'medium-size' for [20]
    [InlineData(2, 5.0, false, true)]   // 5 cm is still in 3-5 cm
    [InlineData(2, 5.1, false, false)]  // above 5 cm: neither
    public async Task Ablation_CountAndSizeBoundaries(int lesions, double centimetres, bool ablation, bool microwave)
    {
        var rules = await RulesAsync([.. Crlm(), Count(lesions), Size((decimal)centimetres)]);
        Assert.Equal(ablation, rules.Contains("crlm.regimen.upfront-ablation"));
        Assert.Equal(microwave, rules.Contains("crlm.regimen.mwa-over-sbrt"));
    }

    [Fact]
    public async Task Ablation_OldImagingOrMissingSize_SaysNothing_RatherThanGuessing()
    {
        Assert.DoesNotContain("crlm.regimen.upfront-ablation", await RulesAsync([.. Crlm(), Count(2, "2024-09-01"), Size(2, "2024-09-01")]));
        Assert.DoesNotContain("crlm.regimen.upfront-ablation", await RulesAsync([.. Crlm(), Count(2)]));
    }

    [Fact]
    public async Task Ablation_NeedsAnUnresectableDecision_NotJustSmallLesions()
    {
        // Small lesions alone never make the disease unresectable: with a 'resectable' decision there is no ablation card.
        var rules = await RulesAsync([.. Crlm("resectable"), Count(2), Size(2)]);
        Assert.DoesNotContain("crlm.regimen.upfront-ablation", rules);
        Assert.Contains("crlm.regimen.resection", rules);
        // With no decision at all, the service asks for one instead of computing it.
        var undecided = await RulesAsync([Condition("crc", Sct, "363406005"), Condition("mets", Sct, "94381002"), Count(2), Size(2)]);
        Assert.Equal(["crlm.data-gap.mdt-resectability"], undecided);
    }

    [Fact]
    public async Task UnresectableRecordedAsACondition_RoutesLikeTheMdtObservation()
    {
        Resource[] resources = [
            Condition("crc", Sct, "363406005", onset: "2025-01-10"),
            Condition("mets", Sct, "94381002", onset: "2025-01-10"),
            Condition("decision", Findings, "unresectable-colorectal-liver-metastases", onset: "2025-02-01"),
            Count(2), Size(1.5m),
        ];
        var rules = await RulesAsync(resources);
        Assert.Contains("crlm.regimen.upfront-ablation", rules);
        Assert.DoesNotContain("crlm.data-gap.mdt-resectability", rules);
    }

    // ---------------------------------------------------------------- anti-EGFR gating at order time
    [Fact]
    public async Task AntiEgfrOrder_KrasOnlyWildType_LeavesNrasUnknown_Warns()
    {
        var rules = await RulesAsync([.. Crlm(), Coded("kras", Loinc, "21702-6", "no-alteration-detected", "2025-01-20")], "order-sign", [Draft("pmab", "263034")]);
        Assert.Contains("crlm.safety.anti-egfr-ras-unknown", rules);
        Assert.DoesNotContain("crlm.safety.anti-egfr-ras-mutant", rules);
    }

    [Fact]
    public async Task AntiEgfrOrder_NrasMutantByVariantAssessment_IsCritical()
    {
        var nras = Evaluation.GenomicResultTests.Variant("nras", "HGNC:7989", "nras-mutant", "2025-01-20");
        var rules = await RulesAsync([.. Crlm(), nras], "order-select", [Draft("cetux", "318341")]);
        Assert.Contains("crlm.safety.anti-egfr-ras-mutant", rules);
        Assert.DoesNotContain("crlm.safety.anti-egfr-ras-unknown", rules);
    }

    [Fact]
    public async Task AntiEgfrOrder_ObservationsNotRetrieved_IsNeverCalledWildType()
    {
        // Without Observations RAS status is unknown: no card claims a mutation, and the RAS warning still shows.
        var rules = await RulesAsync(Crlm().Take(2), "order-sign", [Draft("cetux", "318341"), Draft("iri", "51499")], [new DataGap("observations", "Observation", "timeout")]);
        Assert.DoesNotContain("crlm.safety.anti-egfr-ras-mutant", rules);
        Assert.Contains("crlm.safety.anti-egfr-ras-unknown", rules);
        Assert.Contains("crlm.safety.irinotecan-no-ugt1a1", rules);
    }

    // ---------------------------------------------------------------- scope and three-valued history
    [Fact]
    public async Task Scope_NeedsAColorectalPrimaryAndLiverMetastases()
    {
        Assert.Empty(await RulesAsync([Condition("crc", Sct, "363406005"), Coded("mdt", Findings, "mdt-resectability", "unresectable", "2025-02-01")]));
        Assert.Empty(await RulesAsync([Condition("mets", Sct, "94381002"), Coded("mdt", Findings, "mdt-resectability", "unresectable", "2025-02-01")]));
    }

    [Fact]
    public async Task FirstLineEndedWithoutOutcome_StatusIsInsufficientData_NotNotRefractory()
    {
        var rules = await RulesAsync([.. Crlm(onset: "2024-01-10"), Statement("oxa", "32592", "2024-02-01", "2024-08-01", status: "completed")]);
        Assert.Contains("crlm.chemo-refractory-status", rules);
        var engine = new RefractoryEngine(ClinicalFixture.Knowledge, new FixedTimeProvider(AsOf), MsOptions.Create(Options()), NullLogger<RefractoryEngine>.Instance);
        var cards = await engine.EvaluateAsync(Call([.. Crlm(onset: "2024-01-10"), Statement("oxa", "32592", "2024-02-01", "2024-08-01", status: "completed")], Patient()), CancellationToken.None);
        var status = cards.Single(c => RuleCoverageTests.RuleOf(c) == "crlm.chemo-refractory-status");
        Assert.Equal("insufficient-data", status.Extension!["org.refractorycds.assessment"].GetProperty("status").GetString());
        Assert.Contains("MedicationStatement/oxa", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecurrenceAfterHepatectomy_ProceduresNotRetrieved_NoSrfaClaim()
    {
        var seed = SeedPatients.Get("crc-v6");
        var rules = await RulesAsync(seed.Resources.Where(r => r is not Procedure), gaps: [new DataGap("procedures", "Procedure", "timeout")]);
        Assert.DoesNotContain("crlm.regimen.srfa-recurrence", rules); // unknown, not false: no claim either way
        Assert.Contains("crlm.data-gap.mdt-resectability", rules);
    }

    // ---------------------------------------------------------------- local policy and terminology
    [Fact]
    public async Task SiteOverride_NeoadjuvantLimit_ChangesTheWarning()
    {
        var seed = SeedPatients.Get("crc-v2");
        var options = Options();
        options.Packs["colorectal-liver-metastases"] = new PackOptions { Assumptions = { ["neoadjuvant-max-duration"] = "P5M" } };
        var knowledge = KnowledgeBase.Load(options);
        var engine = new RefractoryEngine(knowledge, new FixedTimeProvider(seed.EvaluationTime), MsOptions.Create(options), NullLogger<RefractoryEngine>.Instance);
        var cards = await engine.EvaluateAsync(Call(seed), CancellationToken.None);
        Assert.DoesNotContain(cards, c => RuleCoverageTests.RuleOf(c) == "crlm.safety.neoadjuvant-too-long"); // 4 months < 5
        Assert.Contains(cards, c => RuleCoverageTests.RuleOf(c) == "crlm.regimen.resection");
    }

    [Fact]
    public void HaiAndTace_AreSeparateValueSets_WithNoSharedCode()
    {
        var terminology = ClinicalFixture.Knowledge.Terminology;
        Assert.True(terminology.TryGet("crc-hepatic-arterial-infusion", out var hai));
        Assert.True(terminology.TryGet("crc-tace", out var tace));
        Assert.Empty(hai.Concepts.Select(c => c.Key).Intersect(tace.Concepts.Select(c => c.Key)));
        foreach (string file in new[] { "ValueSet-crc-hepatic-arterial-infusion.json", "ValueSet-crc-tace.json" })
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Profiles, file)));
            Assert.Single(doc.RootElement.GetProperty("compose").GetProperty("include").EnumerateArray());
        }
    }

    [Fact]
    public async Task LesionSize_InMillimetres_IsConvertedToTheCmThresholds()
    {
        var size = Quantity("size", "liver-metastasis-largest-diameter", 25, "mm", "2025-02-20", Findings);
        Assert.Contains("crlm.regimen.upfront-ablation", await RulesAsync([.. Crlm(), Count(2), size]));
    }

    [Fact]
    public async Task LesionSize_InAUnitThatDoesNotConvertToCm_IsNotGuessed()
    {
        // The thresholds of [20][21] are in cm; a size the engine cannot convert leaves the routing unknown (no card).
        var size = Quantity("size", "liver-metastasis-largest-diameter", 1, "[in_i]", "2025-02-20", Findings);
        Assert.DoesNotContain("crlm.regimen.upfront-ablation", await RulesAsync([.. Crlm(), Count(2), size]));
    }
}
