using System.Text.Json;
using CdsHooks.Protocol.Validation;
using CdsHooks.Testing.Seeds;
using static CdsHooks.Service.Tests.Vignettes.VignetteHarness;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// The vignettes of shared/knowledge/lung-cancer.md §7 (V1-V12 with their variants) and three extra cases (X1-X3),
/// on the demo patients in seeds/patients: status, suggested agents, grades, warnings, order-time checks and the
/// absence of wrong suggestions.
/// </summary>
public class LungCancerVignetteTests
{
    private const string Pack = "lung-cancer";
    private const string Sclc = "lung.sclc.refractory-status";
    private const string DriverPositive = "lung.driver-positive.refractory-status";
    private const string DriverNegative = "lung.driver-negative.refractory-status";

    private static void AllCardsValid(VignetteResult result) => Assert.Empty(ResponseSelfCheck.CheckJson(result.Response));

    private static JsonElement Evidence(VignetteResult result, string rule) =>
        VignetteResult.Assessment(result.Card(rule))!.Value.GetProperty("evidence")[0];

    private static void Graded(VignetteResult result, string rule, string grade, string level, string vote)
    {
        var evidence = Evidence(result, rule);
        Assert.Equal(grade, evidence.GetProperty("grade").GetString());
        Assert.Equal(level, evidence.GetProperty("level").GetString());
        Assert.Contains($"vote {vote}", evidence.GetProperty("section").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(rule.Split('.')[1].ToUpperInvariant(), evidence.GetProperty("section").GetString(), StringComparison.Ordinal);
    }

    private static void Contains(VignetteResult result, string rule, string phrase) =>
        Assert.Contains(phrase, result.Text(rule), StringComparison.Ordinal);

    public static TheoryData<string> LungPatients() =>
        new(SeedPatients.ById.Values.Where(s => s.Index.GetProperty("area").GetString() == "lung").Select(s => s.PatientId).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(LungPatients))]
    public async Task EveryLungVignette_MatchesItsIndexExpectations(string patientId)
    {
        var seed = SeedPatients.Get(patientId);
        var expected = seed.Index.GetProperty("expected");
        var result = await PatientViewAsync(patientId);
        AllCardsValid(result);

        string? status = result.StatusOf(Pack);
        switch (seed.ExpectedRefractory)
        {
            case "yes": Assert.Equal("refractory", status); break;
            case "insufficient-data": Assert.Equal("insufficient-data", status); break;
            default: Assert.Null(status); break; // "no": quiet, never a refractory or insufficient-data card
        }

        var agents = result.SuggestedAgents;
        Assert.Superset(expected.GetProperty("suggest").EnumerateArray().Select(a => a.GetString()!).ToHashSet(), agents.ToHashSet());
        foreach (var wrong in expected.GetProperty("mustNotSuggest").EnumerateArray())
        {
            Assert.DoesNotContain(wrong.GetString()!, agents);
        }
    }

    [Fact]
    public async Task V1_RefractorySclcSecondLine_ListsGradedOptionsStrongFirst()
    {
        var result = await PatientViewAsync("lung-v1");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(Sclc, result.Rules[0]);
        Contains(result, Sclc, "28 days later");

        Graded(result, "lung.r-3.1.1.topotecan", "Strong", "I", "92%");
        Graded(result, "lung.r-3.1.1.amrubicin", "Strong", "I", "92%");
        Graded(result, "lung.r-3.1.1.lurbinectedin", "Moderate", "III", "92%");
        Graded(result, "lung.r-3.1.1.bendamustine", "Moderate", "V", "92%");
        Graded(result, "lung.r-3.1.2.anlotinib-chemotherapy", "Weak", "V", "68%");
        Graded(result, "lung.r-3.1.3.penpulimab-anlotinib", "Weak", "III", "62%");
        Graded(result, "lung.r-3.1.3.sintilimab-anlotinib", "Weak", "V", "62%");
        Graded(result, "lung.r-3.1.4.pembrolizumab-paclitaxel", "Weak", "V", "62%");

        var regimens = result.Rules.Where(r => r.StartsWith("lung.r-3.1", StringComparison.Ordinal)).ToList();
        Assert.Equal(["lung.r-3.1.1.topotecan", "lung.r-3.1.1.amrubicin"], regimens.Take(2));
        Assert.Equal("lung.r-3.1.4.pembrolizumab-paclitaxel", regimens[^1]); // ranked last: first-line IO already given
        Contains(result, "lung.r-3.1.4.pembrolizumab-paclitaxel", "no immunotherapy in first line");
        Contains(result, "lung.r-3.1.1.topotecan", "（25 周 vs. 24.7 周，P=0.795）");
        Contains(result, "lung.r-3.1.1.topotecan", "neutrophil and platelet counts before each cycle");
        Contains(result, "lung.r-3.1.1.lurbinectedin", "22.2%");
        Contains(result, "lung.r-3.1.3.penpulimab-anlotinib", "earlier immune-related adverse events");
        Assert.Contains("Investigational", result.Text("lung.sclc.trial-referral"), StringComparison.Ordinal);
        Assert.False(VignetteResult.Assessment(result.Card("lung.sclc.trial-referral"))!.Value.TryGetProperty("agents", out _));
        Assert.DoesNotContain(result.Rules, r => r.StartsWith("lung.r-3.2", StringComparison.Ordinal)); // not third line
        Assert.False(result.Has("lung.sclc.anchor-dependent")); // 28 and 82 days: both anchors agree
    }

    [Fact]
    public async Task V1_TopotecanSuggestion_IsAMedicationRequestProposal()
    {
        var result = await PatientViewAsync("lung-v1");
        var action = result.Card("lung.r-3.1.1.topotecan").GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("create", action.GetProperty("type").GetString());
        var resource = action.GetProperty("resource");
        Assert.Equal("MedicationRequest", resource.GetProperty("resourceType").GetString());
        Assert.Equal("proposal", resource.GetProperty("intent").GetString());
        Assert.Equal("57308", resource.GetProperty("medicationCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task V2a_SensitiveRelapse150Days_NotRefractory_InformsWithoutRegimens()
    {
        var result = await PatientViewAsync("lung-v2a");
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal(["lung.sclc.sensitive-relapse"], result.Rules);
        Contains(result, "lung.sclc.sensitive-relapse", "CSCO");
        Contains(result, "lung.sclc.sensitive-relapse", "general knowledge");
        Assert.Empty(result.SuggestedAgents);
    }

    [Fact]
    public async Task V2b_ExactlyNinetyDays_NotRefractory_WithAThresholdNote()
    {
        var result = await PatientViewAsync("lung-v2b");
        Assert.Null(result.StatusOf(Pack));
        Assert.True(result.Has("lung.sclc.at-threshold"));
        Contains(result, "lung.sclc.at-threshold", "90 days later");
        Assert.True(result.Has("lung.sclc.sensitive-relapse"));
        Assert.Empty(result.SuggestedAgents);
    }

    [Fact]
    public async Task V2c_ProgressionOnMaintenance_RefractoryBySitePolicy_ShowsBothComputations()
    {
        var result = await PatientViewAsync("lung-v2c");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal("warning", result.Indicator("lung.sclc.anchor-dependent"));
        Assert.Equal("lung.sclc.anchor-dependent", result.Rules[1]); // straight after the status, before any regimen
        string text = result.Text("lung.sclc.anchor-dependent");
        Assert.Contains("162 days later", text, StringComparison.Ordinal); // chemotherapy-only anchor
        Assert.Contains("atezolizumab (progression, still recorded as given)", text, StringComparison.Ordinal); // whole-regimen anchor
        Assert.Contains("confirm the classification clinically", text, StringComparison.Ordinal);
        var record = VignetteResult.Assessment(result.Card(Sclc))!.Value;
        var assumption = record.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "sclc-anchor-includes-maintenance");
        Assert.True(assumption.GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task V3_ThirdLineSclc_AnlotinibStrong_AndImmunotherapyOrdersNotRecommended()
    {
        var view = await PatientViewAsync("lung-v3");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Graded(view, "lung.r-3.2.1.anlotinib", "Strong", "I", "96%");
        Graded(view, "lung.r-3.2.1.apatinib", "Moderate", "V", "96%");
        Contains(view, "lung.r-3.2.1.anlotinib", "P<0.000 1");
        Contains(view, "lung.r-3.2.1.anlotinib", "blood pressure, urine protein");
        Assert.DoesNotContain(view.Rules, r => r.StartsWith("lung.r-3.1", StringComparison.Ordinal));
        Assert.True(view.Has("lung.r-6.1-6.2.drug-sensitivity-testing"));

        var mono = await OrderSelectAsync("lung-v3", draftIndex: 0);
        AllCardsValid(mono);
        Assert.Equal("warning", mono.Indicator("lung.r-3.2.3.immunotherapy-monotherapy"));
        Contains(mono, "lung.r-3.2.3.immunotherapy-monotherapy", "nivolumab monotherapy");
        Contains(mono, "lung.r-3.2.3.immunotherapy-monotherapy", "46%");
        Assert.Contains("Not recommended by the source", mono.Text("lung.r-3.2.3.immunotherapy-monotherapy"), StringComparison.Ordinal);
        var delete = mono.Card("lung.r-3.2.3.immunotherapy-monotherapy").GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("MedicationRequest/lung-v3-mr-nivo", delete.GetProperty("resourceId").GetString());
        Assert.False(mono.Has("lung.r-3.2.2.dual-immunotherapy"));

        var dual = await OrderSignAsync("lung-v3");
        AllCardsValid(dual);
        Assert.True(dual.Has("lung.r-3.2.2.dual-immunotherapy"));
        Assert.False(dual.Has("lung.r-3.2.3.immunotherapy-monotherapy"));
        Assert.Equal("not-recommended", VignetteResult.Assessment(dual.Card("lung.r-3.2.2.dual-immunotherapy"))!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task V4_Ecog3_ListsChemotherapyWithApplicabilityWarning_DropsTheTolerabilityCaveatedCombination()
    {
        var result = await PatientViewAsync("lung-v4");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal("warning", result.Indicator("lung.gk.performance-status-poor"));
        Contains(result, "lung.gk.performance-status-poor", "25.9 vs 13.9 weeks");
        Contains(result, "lung.gk.performance-status-poor", "palliative care");
        Contains(result, "lung.gk.performance-status-poor", "general knowledge");
        Assert.False(result.Has("lung.r-3.1.2.anlotinib-chemotherapy"));
        Assert.True(result.Has("lung.r-3.1.1.topotecan"));
        // Last chemotherapy 2024-02-20 is exactly 90 days before progression: the chemotherapy-only anchor disagrees.
        Assert.True(result.Has("lung.sclc.anchor-dependent"));
        Contains(result, "lung.sclc.anchor-dependent", "90 days later");
    }

    [Fact]
    public async Task V5_EgfrExon20Insertion_ModerateOptionsOnly()
    {
        var result = await PatientViewAsync("lung-v5");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "sunvozertinib", "amivantamab" }, result.SuggestedAgents);
        Graded(result, "lung.r-4.1.1.sunvozertinib", "Moderate", "V", "96%");
        Graded(result, "lung.r-4.1.1.amivantamab", "Moderate", "III", "84%");
        var rules = result.Rules.ToList();
        Assert.True(rules.IndexOf("lung.r-4.1.1.amivantamab") < rules.IndexOf("lung.r-4.1.1.sunvozertinib")); // level III before V
        Contains(result, "lung.r-4.1.1.sunvozertinib", "no Strong option");
        Contains(result, "lung.r-4.1.1.amivantamab", "split the first dose");
        Contains(result, "lung.r-4.1.1.sunvozertinib", "diarrhoea, CPK rise");
    }

    [Fact]
    public async Task V6a_Her2Mutation_AdcsAndPyrotinib_WithIldWarningText()
    {
        var result = await PatientViewAsync("lung-v6a");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "trastuzumab deruxtecan", "trastuzumab emtansine", "pyrotinib" }, result.SuggestedAgents);
        Graded(result, "lung.r-4.1.2.trastuzumab-deruxtecan", "Moderate", "III", "96%");
        Graded(result, "lung.r-4.1.2.pyrotinib", "Moderate", "V", "86%");
        Contains(result, "lung.r-4.1.2.trastuzumab-deruxtecan", "Boxed warning for interstitial lung disease");
        Contains(result, "lung.r-4.1.2.trastuzumab-deruxtecan", "HER2 阳性");
    }

    [Fact]
    public async Task V6b_Her2AmplificationOnly_NotCovered_NoHer2Regimens()
    {
        var result = await PatientViewAsync("lung-v6b");
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal(["lung.her2-overexpression-not-covered"], result.Rules);
        Contains(result, "lung.her2-overexpression-not-covered", "gene mutation only");
    }

    [Fact]
    public async Task V7_SclcTransformation_EtoposidePlatinum_ContinuationNotAddressedNotBlocked()
    {
        var view = await PatientViewAsync("lung-v7");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.Equal("refractory", VignetteResult.Assessment(view.Card(DriverPositive))!.Value.GetProperty("status").GetString());
        Assert.False(view.Has(Sclc)); // transformed disease is not de novo refractory SCLC
        Graded(view, "lung.r-4.2.1.etoposide-platinum", "Moderate", "IV", "97%");
        Contains(view, "lung.r-4.2.1.etoposide-platinum", "3%~14%");
        Contains(view, "lung.r-4.2.1.etoposide-platinum", "less than 90 days after etoposide-platinum");
        Assert.Equal("info", view.Indicator("lung.egfr-tki-continuation-not-addressed"));

        var sign = await OrderSignAsync("lung-v7");
        AllCardsValid(sign);
        Assert.Equal("info", sign.Indicator("lung.egfr-tki-continuation-not-addressed-order"));
        Assert.False(sign.Has("lung.safety.impress-chemotherapy-with-first-generation-tki"));
        Assert.DoesNotContain(sign.Cards, c => c.GetProperty("indicator").GetString() == "critical");
    }

    [Fact]
    public async Task V8_GefitinibExtensiveProgression_PostTkiOptions_AndImpressWarnings()
    {
        var view = await PatientViewAsync("lung-v8");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Graded(view, "lung.r-4.2.2.pemetrexed-cisplatin", "Moderate", "I", "76%");
        Graded(view, "lung.r-4.2.2.sintilimab-bevacizumab-chemotherapy", "Moderate", "I", "77%");
        Graded(view, "lung.r-4.2.2.toripalimab-carboplatin-pemetrexed", "Weak", "V", "66%");
        Graded(view, "lung.r-4.2.2.pd-1-anlotinib", "Weak", "IV", "60%");
        Contains(view, "lung.r-4.2.2.pemetrexed-cisplatin", "antibody-drug conjugates (R-4.2.2(5), 54%)");
        Contains(view, "lung.r-4.2.2.sintilimab-bevacizumab-chemotherapy", "bleeding");
        Contains(view, "lung.r-4.2.2.sintilimab-bevacizumab-chemotherapy", "osimertinib given after a PD-1 inhibitor");
        Assert.Equal("warning", view.Indicator("lung.safety.impress-patient-view"));
        Contains(view, "lung.safety.impress-patient-view", "1.44，95%CI：1.07~1.94，P=0.016");

        var sign = await OrderSignAsync("lung-v8");
        AllCardsValid(sign);
        Assert.Equal("lung.safety.impress-chemotherapy-with-first-generation-tki", sign.Rules[0]);
        Assert.Equal("critical", sign.Indicator("lung.safety.impress-chemotherapy-with-first-generation-tki"));
        Contains(sign, "lung.safety.impress-chemotherapy-with-first-generation-tki", "Discontinue the TKI");
        Assert.Equal("I", Evidence(sign, "lung.safety.impress-chemotherapy-with-first-generation-tki").GetProperty("level").GetString());
        Assert.False(sign.Has("lung.r-4.2.2.antibody-drug-conjugate"));
    }

    [Fact]
    public async Task V9_AlkFourthLine_AnlotinibModerate_NoPostEgfrTkiRegimens()
    {
        var result = await PatientViewAsync("lung-v9");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "anlotinib" }, result.SuggestedAgents);
        Graded(result, "lung.r-4.3.anlotinib", "Moderate", "I", "72%");
        Contains(result, "lung.r-4.3.anlotinib", "at least 2 systemic chemotherapies");
        Contains(result, "lung.r-4.3.anlotinib", "not shown for other drivers");
        Assert.DoesNotContain(result.Rules, r => r.StartsWith("lung.r-4.2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V10_DriverNegativeAfterChemoIo_SwitchAndCrossLineOptions_NvaltWarningAtOrderTime()
    {
        var view = await PatientViewAsync("lung-v10");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Graded(view, "lung.r-5.1.1.docetaxel", "Strong", "II", "98%");
        Graded(view, "lung.r-5.1.1.anlotinib-docetaxel", "Strong", "II", "92%");
        Graded(view, "lung.r-5.1.1.nintedanib-docetaxel", "Moderate", "III", "92%");
        Graded(view, "lung.r-5.1.1.ramucirumab-docetaxel", "Moderate", "IV", "92%");
        Graded(view, "lung.r-5.1.2.pembrolizumab-ramucirumab", "Strong", "II", "80%");
        Graded(view, "lung.r-5.1.2.anlotinib-immunotherapy", "Moderate", "V", "80%");
        Graded(view, "lung.r-5.1.2.pembrolizumab-chemotherapy", "Strong", "II", "88%");
        Contains(view, "lung.r-5.1.2.pembrolizumab-chemotherapy", "（74% vs. 38%；HR=0.52；95%CI：0.13~2.10；P=0.34）");
        Contains(view, "lung.r-5.1.2.pembrolizumab-chemotherapy", "not statistically significant");
        Contains(view, "lung.r-5.1.1.docetaxel", "do not add erlotinib");
        Assert.False(view.Has("lung.r-5.2.anlotinib"));
        var strong = view.Rules.Where(r => r.StartsWith("lung.r-5", StringComparison.Ordinal)).Take(4).ToHashSet();
        Assert.Equal(new HashSet<string> { "lung.r-5.1.1.docetaxel", "lung.r-5.1.1.anlotinib-docetaxel", "lung.r-5.1.2.pembrolizumab-ramucirumab", "lung.r-5.1.2.pembrolizumab-chemotherapy" }, strong);

        var docetaxelAlone = await OrderSignAsync("lung-v10", draftIndex: 0);
        Assert.False(docetaxelAlone.Has("lung.safety.nvalt18-erlotinib-docetaxel"));
        var withErlotinib = await OrderSignAsync("lung-v10");
        AllCardsValid(withErlotinib);
        Assert.Equal("warning", withErlotinib.Indicator("lung.safety.nvalt18-erlotinib-docetaxel"));
        Contains(withErlotinib, "lung.safety.nvalt18-erlotinib-docetaxel", "P=0.004");
    }

    [Fact]
    public async Task V11a_SquamousHaemoptysisAirwayStenosis_BronchoscopyFirst_BleedingWarnings()
    {
        var view = await PatientViewAsync("lung-v11a");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Graded(view, "lung.r-6.3.bronchoscopic-intervention", "Strong", "II", "90%");
        Assert.Equal("lung.r-6.3.bronchoscopic-intervention", view.Rules.First(r => r.StartsWith("lung.r-", StringComparison.Ordinal)));
        var request = view.Card("lung.r-6.3.bronchoscopic-intervention").GetProperty("suggestions")[0].GetProperty("actions")[0].GetProperty("resource");
        Assert.Equal("ServiceRequest", request.GetProperty("resourceType").GetString());
        Assert.Equal("warning", view.Indicator("lung.gk.anti-angiogenic-bleeding"));
        Contains(view, "lung.gk.anti-angiogenic-bleeding", "not from the source paper");
        Contains(view, "lung.r-5.1.1.nintedanib-docetaxel", "limited to adenocarcinoma");
        Contains(view, "lung.r-5.1.2.pembrolizumab-chemotherapy", "PD-L1 at least 50%");
        Contains(view, "lung.r-5.1.2.pembrolizumab-chemotherapy", "PD-L1 expression 10 %"); // the patient's TPS, shown beside the subgroup
        Assert.True(view.Has("lung.gk.performance-status-two"));
        Assert.False(view.Has("lung.r-6.3.abandon-intervention"));

        var sign = await OrderSignAsync("lung-v11a");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("lung.gk.anti-angiogenic-bleeding-order"));
        Contains(sign, "lung.gk.anti-angiogenic-bleeding-order", "ramucirumab");
    }

    [Fact]
    public async Task V11b_EgfrSquamousAfterOsimertinib_NoBevacizumabOrPemetrexed_BlocksAtOrderTime()
    {
        var view = await PatientViewAsync("lung-v11b");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.False(view.Has("lung.r-4.2.2.sintilimab-bevacizumab-chemotherapy"));
        Assert.False(view.Has("lung.r-4.2.2.pemetrexed-cisplatin"));
        Assert.False(view.Has("lung.r-4.2.2.toripalimab-carboplatin-pemetrexed"));
        Assert.True(view.Has("lung.r-4.2.2.pd-1-anlotinib"));
        Assert.Equal("warning", view.Indicator("lung.squamous-egfr-no-clean-option"));
        Contains(view, "lung.squamous-egfr-no-clean-option", "multidisciplinary team");

        var bevacizumab = await OrderSignAsync("lung-v11b", draftIndex: 0);
        AllCardsValid(bevacizumab);
        Assert.Equal("critical", bevacizumab.Indicator("lung.gk.bevacizumab-squamous"));
        var delete = bevacizumab.Card("lung.gk.bevacizumab-squamous").GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("MedicationRequest/lung-v11b-mr-bev", delete.GetProperty("resourceId").GetString());
        Assert.Contains("General clinical knowledge", bevacizumab.Text("lung.gk.bevacizumab-squamous"), StringComparison.Ordinal);

        var pemetrexed = await OrderSignAsync("lung-v11b", draftIndex: 1);
        Assert.Equal("warning", pemetrexed.Indicator("lung.gk.pemetrexed-squamous"));

        var adc = await OrderSelectAsync("lung-v11b", draftIndex: 2);
        AllCardsValid(adc);
        Assert.Equal("warning", adc.Indicator("lung.r-4.2.2.antibody-drug-conjugate"));
        Contains(adc, "lung.r-4.2.2.antibody-drug-conjugate", "54%");
        Assert.Equal("Not recommended for now", Evidence(adc, "lung.r-4.2.2.antibody-drug-conjugate").GetProperty("grade").GetString());
    }

    [Fact]
    public async Task V12a_Oligoprogression_NotRefractory_NoSecondLineCards()
    {
        var result = await PatientViewAsync("lung-v12a");
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal(["lung.nsclc.limited-progression-not-covered"], result.Rules);
        Contains(result, "lung.nsclc.limited-progression-not-covered", "general knowledge");
        Contains(result, "lung.nsclc.limited-progression-not-covered", "extent of disease progression: Oligoprogression");
    }

    [Fact]
    public async Task V12b_CnsOnlyProgression_NotRefractory_NotAutoClassified()
    {
        var result = await PatientViewAsync("lung-v12b");
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal(["lung.nsclc.limited-progression-not-covered"], result.Rules);
        Contains(result, "lung.nsclc.limited-progression-not-covered", "CNS-only progression");
    }

    [Fact]
    public async Task V12c_ExtentNotRecorded_InsufficientData_SaysWhatToRecord()
    {
        var result = await PatientViewAsync("lung-v12c");
        Assert.Equal("insufficient-data", result.StatusOf(Pack));
        Assert.Equal([DriverNegative], result.Rules);
        var record = VignetteResult.Assessment(result.Card(DriverNegative))!.Value;
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("extent of disease progression", StringComparison.Ordinal));
        Contains(result, DriverNegative, "Record the extent of this progression");
    }

    [Fact]
    public async Task X1_NoHistologyDriversOrPdl1_InsufficientData_SuggestsTheTests()
    {
        var result = await PatientViewAsync("lung-x1");
        Assert.Equal("insufficient-data", result.StatusOf(Pack));
        string Ordered(string rule) => result.Card(rule).GetProperty("suggestions")[0].GetProperty("actions")[0]
            .GetProperty("resource").GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString()!;
        Assert.Equal("59847-4", Ordered("lung.data-gap.histology"));
        Assert.Equal("69548-6", Ordered("lung.data-gap.driver-testing"));
        Assert.Equal("83052-1", Ordered("lung.data-gap.pd-l1"));
        var missing = VignetteResult.Assessment(result.Card(DriverNegative))!.Value.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(missing, m => m.Contains("EGFR gene", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("ROS1 gene", StringComparison.Ordinal));
        Assert.Empty(result.SuggestedAgents);
    }

    [Fact]
    public async Task X2_DriverNegativeThirdLine_AnlotinibStrong_PneumonitisWarnings()
    {
        var view = await PatientViewAsync("lung-x2");
        Assert.Equal("refractory", view.StatusOf(Pack));
        Graded(view, "lung.r-5.2.anlotinib", "Strong", "I", "90%");
        Contains(view, "lung.r-5.2.anlotinib", "Moderate grade in driver-positive NSCLC (R-4.3, 72%)");
        Assert.DoesNotContain(view.Rules, r => r.StartsWith("lung.r-5.1", StringComparison.Ordinal)); // third line, not second
        Assert.True(view.Has("lung.r-6.1-6.2.drug-sensitivity-testing"));
        Assert.True(view.Has("lung.gk.ild-history-patient-view"));

        var sign = await OrderSignAsync("lung-x2");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("lung.gk.ild-history-order"));
        Contains(sign, "lung.gk.ild-history-order", "pembrolizumab with a history of interstitial lung disease or pneumonitis");
    }

    [Fact]
    public async Task X3_DistalLungLost_AbandonInterventionInsteadOfBronchoscopy()
    {
        var result = await PatientViewAsync("lung-x3");
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.False(result.Has("lung.r-6.3.bronchoscopic-intervention"));
        Assert.Equal("not-recommended", VignetteResult.Assessment(result.Card("lung.r-6.3.abandon-intervention"))!.Value.GetProperty("kind").GetString());
        Contains(result, "lung.r-6.3.abandon-intervention", "应该放弃介入治疗");
        Assert.Contains("topotecan", result.SuggestedAgents);
    }

    [Fact]
    public async Task PatientsOfOtherAreas_GetNoLungCards()
    {
        foreach (string patient in new[] { "crohns-v1", "sle-v8", "crc-v4", "cart-v3" })
        {
            var result = await PatientViewAsync(patient);
            Assert.DoesNotContain(result.Rules, r => r.StartsWith("lung.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EveryLungCard_CitesTheConsensusOrSaysItIsGeneralKnowledge()
    {
        foreach (string patient in new[] { "lung-v1", "lung-v8", "lung-v10", "lung-v11a", "lung-x1" })
        {
            var result = await PatientViewAsync(patient);
            foreach (var card in result.Cards)
            {
                var source = card.GetProperty("source");
                string label = source.GetProperty("label").GetString()!;
                Assert.True(label.StartsWith("Chinese expert consensus on refractory lung cancer", StringComparison.Ordinal)
                    || label.StartsWith("General clinical knowledge", StringComparison.Ordinal), label);
                Assert.True(card.GetProperty("summary").GetString()!.Length < 140);
                Assert.Equal("http://refractorycds.org/fhir/CodeSystem/card-kind", source.GetProperty("topic").GetProperty("system").GetString());
            }
        }
    }
}
