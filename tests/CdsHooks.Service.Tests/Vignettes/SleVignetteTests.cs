using System.Text.Json;
using CdsHooks.Protocol.Validation;
using static CdsHooks.Service.Tests.Vignettes.VignetteHarness;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// The vignettes of shared/knowledge/sle-cell-therapy.md §7 on the demo patients in seeds/patients (evaluation date
/// 2024-10-01; V6b 2025-03-17). Each asserts the status, the suggested agents, the warnings, and the absence of
/// wrong suggestions; cell therapy must only ever appear as investigational clinical-trial referral.
/// </summary>
public class SleVignetteTests
{
    private const string Pack = "sle";

    private static void AllCardsValid(VignetteResult result) => Assert.Empty(ResponseSelfCheck.CheckJson(result.Response));

    private static void NoCellTherapy(VignetteResult result) =>
        Assert.DoesNotContain(result.Rules, r => r.StartsWith("sle.investigational.", StringComparison.Ordinal) || r.StartsWith("sle.safety.car", StringComparison.Ordinal)
            || r == "sle.safety.fc-conditioning" || r == "sle.safety.fertility-preservation");

    private static IEnumerable<JsonElement> Actions(JsonElement card) =>
        card.GetProperty("suggestions").EnumerateArray().SelectMany(s => s.GetProperty("actions").EnumerateArray());

    private static IEnumerable<(string System, string Code)> CodesOf(JsonElement card) =>
        Actions(card).Select(a => a.GetProperty("resource"))
            .SelectMany(r => (r.TryGetProperty("code", out var c) ? c : r.GetProperty("medicationCodeableConcept")).GetProperty("coding").EnumerateArray())
            .Select(c => (c.GetProperty("system").GetString()!, c.GetProperty("code").GetString()!));

    private static IEnumerable<string> FactRoles(VignetteResult result, string rule) =>
        VignetteResult.Assessment(result.Card(rule))!.Value.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("role").GetString()!);

    [Fact]
    public async Task V1_NewSleOnGlucocorticoidOnly_SuggestsHydroxychloroquineWithEyeExam_NoCellTherapy()
    {
        var result = await PatientViewAsync("sle-v1");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // not refractory: SLEDAI-2K 6, no immunosuppressant or biologic
        Assert.Equal(new HashSet<string> { "hydroxychloroquine" }, result.SuggestedAgents);
        string hcq = result.Text("sle.ladder.hydroxychloroquine");
        Assert.Contains("ophthalmological examination before treatment", hcq, StringComparison.Ordinal);
        Assert.Contains("治疗前应行眼科检查", hcq, StringComparison.Ordinal);
        Assert.Contains("immunosuppressant (methotrexate, azathioprine or mycophenolate mofetil)", hcq, StringComparison.Ordinal);
        var codes = CodesOf(result.Card("sle.ladder.hydroxychloroquine")).ToList();
        Assert.Contains(("http://snomed.info/sct", "36228007"), codes);
        Assert.Contains(("http://www.nlm.nih.gov/research/umls/rxnorm", "5521"), codes);
        Assert.Contains("prednisone ≤5 mg/d", result.Text("sle.ladder.glucocorticoid-taper"), StringComparison.Ordinal);
        Assert.False(result.Has("sle.ladder.immunosuppressant")); // no hydroxychloroquine yet, so it cannot have failed
        NoCellTherapy(result);
    }

    [Fact]
    public async Task V1_HydroxychloroquineOrderWithoutEyeExam_SuggestsTheExam()
    {
        var sign = await OrderSignAsync("sle-v1");
        AllCardsValid(sign);
        Assert.Equal(["sle.order.hydroxychloroquine-eye-exam"], sign.Rules);
        var card = sign.Card("sle.order.hydroxychloroquine-eye-exam");
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        var suggestion = card.GetProperty("suggestions")[0];
        Assert.True(suggestion.GetProperty("isRecommended").GetBoolean());
        Assert.Equal(("http://snomed.info/sct", "36228007"), CodesOf(card).Single());

        var select = await OrderSelectAsync("sle-v1");
        Assert.True(select.Has("sle.order.hydroxychloroquine-eye-exam"));
    }

    [Fact]
    public async Task V2_SteroidDependentOnGlucocorticoidAndHydroxychloroquine_SuggestsImmunosuppressant_NotCellTherapy()
    {
        var result = await PatientViewAsync("sle-v2");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // criterion 2 fails: glucocorticoid + hydroxychloroquine is not glucocorticoid + immunosuppressant
        Assert.Equal(new HashSet<string> { "methotrexate", "azathioprine", "mycophenolate mofetil" }, result.SuggestedAgents);
        Assert.Contains("relatively safe dose", result.Text("sle.ladder.immunosuppressant"), StringComparison.Ordinal);
        Assert.Contains(FactRoles(result, "sle.ladder.immunosuppressant"), r => r.Contains("corticosteroid dependence", StringComparison.Ordinal));
        string glucocorticoid = result.Text("sle.ladder.glucocorticoid-taper");
        Assert.Contains("infection", glucocorticoid, StringComparison.Ordinal);
        Assert.Contains("femoral-head necrosis", glucocorticoid, StringComparison.Ordinal);
        Assert.DoesNotContain("belimumab", result.SuggestedAgents);
        NoCellTherapy(result);
    }

    [Fact]
    public async Task V2_CyclophosphamideOrder_WarnsFertilityTeratogenicityCarcinogenicity_AndChecksPregnancy()
    {
        var sign = await OrderSignAsync("sle-v2");
        AllCardsValid(sign);
        var card = sign.Card("sle.order.cyclophosphamide-fertility");
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        string text = sign.Text("sle.order.cyclophosphamide-fertility");
        Assert.Contains("impairs female fertility", text, StringComparison.Ordinal);
        Assert.Contains("teratogenicity and carcinogenicity", text, StringComparison.Ordinal);
        Assert.Contains("环磷酰胺会影响女性的生育能力", text, StringComparison.Ordinal);
        var codes = CodesOf(card).ToList();
        Assert.Contains(("http://loinc.org", "82810-3"), codes); // pregnancy status
        Assert.Contains(("http://refractorycds.org/fhir/CodeSystem/clinical-findings", "fertility-preservation-referral"), codes);
        Assert.True(card.GetProperty("overrideReasons").GetArrayLength() > 0);
        Assert.True((await OrderSelectAsync("sle-v2")).Has("sle.order.cyclophosphamide-fertility"));
    }

    [Fact]
    public async Task V3_NewLupusNephritis_AddsImmunosuppressantFromTheStart_HighActivityIsNotRefractory()
    {
        var result = await PatientViewAsync("sle-v3");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // SLEDAI-2K 16 and BILAG A renal, but no 6-month exposure
        string text = result.Text("sle.ladder.immunosuppressant-organ-involvement");
        Assert.Contains("at initial treatment", text, StringComparison.Ordinal);
        Assert.Contains("初始治疗时即加用免疫抑制剂", text, StringComparison.Ordinal);
        Assert.Contains("lupus-nephritis or organ-specific guideline", text, StringComparison.Ordinal);
        Assert.Contains("teratogenic and carcinogenic", text, StringComparison.Ordinal);
        Assert.Contains("mycophenolate mofetil", result.SuggestedAgents);
        Assert.False(result.Has("sle.ladder.immunosuppressant")); // A4 replaces A3 here
        Assert.True(result.Has("sle.hydroxychloroquine-eye-exam"));
        Assert.False(result.Has("sle.ladder.glucocorticoid-taper")); // induction has just begun
        NoCellTherapy(result);
    }

    [Fact]
    public async Task V4_GlucocorticoidMycophenolateFailure_BiologicFirst_TrialCardInformationalOnly()
    {
        var result = await PatientViewAsync("sle-v4");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "belimumab", "telitacicept" }, result.SuggestedAgents);
        Assert.Contains("可联合生物制剂", result.Text("sle.ladder.biologic"), StringComparison.Ordinal);

        string trial = result.Text("sle.investigational.car-nk-trial-biologic-naive");
        Assert.StartsWith("**Investigational: clinical-trial referral only, not standard care.**", result.Card("sle.investigational.car-nk-trial-biologic-naive").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("places a biologic (belimumab, telitacicept) before cell therapy", trial, StringComparison.Ordinal);
        Assert.Contains("近 20 例", trial, StringComparison.Ordinal);
        Assert.False(result.Has("sle.investigational.car-nk-trial"));
        Assert.False(result.Has("sle.investigational.cd19-car-t"));
        Assert.DoesNotContain("fludarabine", result.SuggestedAgents);

        Assert.Contains("≤5 mg/d", result.Text("sle.ladder.glucocorticoid-taper"), StringComparison.Ordinal);
        Assert.Equal("warning", result.Indicator("sle.safety.long-term-immunosuppression"));
        Assert.Contains("30% 以上", result.Text("sle.safety.long-term-immunosuppression"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V4_StatusCard_CarriesTheFourCriteria_AndTheAssumptionsUsed()
    {
        var result = await PatientViewAsync("sle-v4");
        var record = VignetteResult.Assessment(result.Card("sle.refractory-status"))!.Value;
        var facts = record.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("reference").GetString()).ToList();
        Assert.Contains("Observation/sle-v4-obs-sledai-2", facts);
        Assert.Contains("MedicationStatement/sle-v4-ms-mmf", facts);
        Assert.Contains("Observation/sle-v4-obs-bilag", facts);
        Assert.Contains("Observation/sle-v4-obs-ana", facts);
        var names = record.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("exposure-continuous", names);
        Assert.Contains("poor-efficacy-sledai-2k", names);
        Assert.Equal("§3.2", record.GetProperty("evidence")[0].GetProperty("section").GetString());
        Assert.False(record.TryGetProperty("missing", out _));
    }

    [Fact]
    public async Task V5_RelapsedRefractoryAfterBiologics_CarNkAndCarTReferralWithFullSafety()
    {
        var result = await PatientViewAsync("sle-v5");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "fludarabine", "cyclophosphamide" }, result.SuggestedAgents);
        Assert.DoesNotContain("belimumab", result.SuggestedAgents); // belimumab already failed

        var carNk = result.Card("sle.investigational.car-nk-trial");
        Assert.StartsWith("**Investigational: clinical-trial referral only, not standard care.**", carNk.GetProperty("detail").GetString(), StringComparison.Ordinal);
        string nk = result.Text("sle.investigational.car-nk-trial");
        Assert.Contains("3 针剂 CD19 CAR-NK", nk, StringComparison.Ordinal);
        Assert.Contains("近 20 例", nk, StringComparison.Ordinal);
        Assert.Contains("SLEDAI-2K 评分均下降超过 6 分", nk, StringComparison.Ordinal);
        Assert.Contains("DORIS 带药缓解", nk, StringComparison.Ordinal);
        Assert.Equal("https://clinicaltrials.gov/study/NCT06010472", carNk.GetProperty("links")[0].GetProperty("url").GetString());

        string carT = result.Text("sle.investigational.cd19-car-t");
        Assert.Contains("（110±32）d", carT, StringComparison.Ordinal);
        Assert.Contains("在 17 个月的随访中未出现复发", carT, StringComparison.Ordinal);
        Assert.Contains("所有 SLE 患者在治疗后 6 个月都达到了 DORIS 缓解", carT, StringComparison.Ordinal);

        string tSafety = result.Text("sle.safety.car-t");
        Assert.Contains("有 10 例患者发生了 1 级细胞因子释放综合征", tSafety, StringComparison.Ordinal);
        Assert.Contains("1 例患者患有 2 级 CRS、1 级免疫效应细胞相关神经毒性综合征及肺炎而住院治疗", tSafety, StringComparison.Ordinal);
        Assert.Contains("黑框警告", tSafety, StringComparison.Ordinal);
        Assert.Contains("百万人民币以上", tSafety, StringComparison.Ordinal);
        Assert.Contains("denominator", tSafety, StringComparison.Ordinal);

        string nkSafety = result.Text("sle.safety.car-nk");
        Assert.Contains("1 例患者接受高剂量 CAR-NK 细胞治疗后出现 1 级 CRS", nkSafety, StringComparison.Ordinal);
        Assert.Contains("导致 GVHD 和淋巴增生性疾病的发生", nkSafety, StringComparison.Ordinal);
        Assert.Contains("its own trial contradicts this", nkSafety, StringComparison.Ordinal);
        Assert.Contains("insertional mutagenesis", nkSafety, StringComparison.Ordinal);

        string fc = result.Text("sle.safety.fc-conditioning");
        Assert.Contains("teratogenicity and carcinogenicity", fc, StringComparison.Ordinal);
        Assert.Contains("blood count and renal function", fc, StringComparison.Ordinal);
        Assert.Contains(("http://refractorycds.org/fhir/CodeSystem/clinical-findings", "fertility-preservation-referral"), CodesOf(result.Card("sle.safety.fertility-preservation")));

        Assert.All(new[] { "sle.safety.car-t", "sle.safety.car-nk", "sle.safety.fc-conditioning", "sle.safety.fertility-preservation" },
            rule => Assert.Equal("warning", result.Indicator(rule)));
        Assert.DoesNotContain(result.Cards, c => c.GetProperty("indicator").GetString() == "critical");
        Assert.False(result.Has("sle.hydroxychloroquine-eye-exam")); // eye examination 2024-01 on record
        Assert.Equal("sle.refractory-status", result.Rules[0]);
    }

    [Fact]
    public async Task V6_BiologicStartedTwoAndAHalfMonthsAgo_NotYetRefractory_ReassessOn20250115()
    {
        var result = await PatientViewAsync("sle-v6");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        NoCellTherapy(result);
        Assert.Contains(FactRoles(result, "sle.trial.exposure-not-yet-reached"), r => r.EndsWith("6 months would be reached on 2025-01-15", StringComparison.Ordinal));
        Assert.Contains("至少 6 个月", result.Text("sle.trial.exposure-not-yet-reached"), StringComparison.Ordinal);
        Assert.DoesNotContain("belimumab", result.SuggestedAgents); // already on it
    }

    [Fact]
    public async Task V6b_EightMonthsWithSledai6_StillNotRefractory_AndQuietAboutTheTrial()
    {
        var result = await PatientViewAsync("sle-v6b");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        NoCellTherapy(result);
        Assert.False(result.Has("sle.trial.exposure-not-yet-reached"));
        Assert.False(result.Has("sle.trial.criteria-not-met"));
        Assert.Empty(result.SuggestedAgents);
    }

    [Fact]
    public async Task V7_SerologyAndBilagNotMet_BlocksTheReferral_SaysWhatWouldReopenIt()
    {
        var result = await PatientViewAsync("sle-v7");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        NoCellTherapy(result);
        Assert.Empty(result.SuggestedAgents);
        string text = result.Text("sle.trial.criteria-not-met");
        Assert.Contains("BILAG-2004 reassessment", text, StringComparison.Ordinal);
        Assert.Contains("repeat serology", text, StringComparison.Ordinal);
        Assert.Contains("review the diagnosis", text, StringComparison.Ordinal);
        var roles = FactRoles(result, "sle.trial.criteria-not-met").ToList();
        Assert.Contains(roles, r => r.Contains("0 graded BILAG-2004 grade A", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("1 graded BILAG-2004 grade B", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("1:40", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("≤ upper limit 30", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("anti-Smith (Sm) antibodies: Negative", StringComparison.Ordinal));
        Assert.Contains(("http://loinc.org", "33799-8"), CodesOf(result.Card("sle.trial.criteria-not-met")));
    }

    [Fact]
    public async Task V8_SystemicSclerosis_IsOutOfScope_NoCardOnAnyHook()
    {
        Assert.Empty((await PatientViewAsync("sle-v8")).Cards);
        Assert.Empty((await OrderSignAsync("sle-v8")).Cards);
        Assert.Empty((await OrderSelectAsync("sle-v8")).Cards);
    }

    [Fact]
    public async Task EveryCard_CitesThePaperOrGeneralKnowledge_WithShortSummaries()
    {
        foreach (string patient in new[] { "sle-v1", "sle-v2", "sle-v3", "sle-v4", "sle-v5", "sle-v6", "sle-v6b", "sle-v7" })
        {
            var result = await PatientViewAsync(patient);
            foreach (var card in result.Cards)
            {
                Assert.True(card.GetProperty("summary").GetString()!.Length < 140);
                var source = card.GetProperty("source");
                string label = source.GetProperty("label").GetString()!;
                if (label.StartsWith("General clinical knowledge", StringComparison.Ordinal))
                {
                    Assert.Contains("General clinical knowledge, not from the source paper.", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal("Universal CAR-NK cell therapy for SLE (Acad J Naval Med Univ 2024)", label);
                }
            }
        }
    }
}
