using System.Text.Json;
using CdsHooks.Protocol.Validation;
using static CdsHooks.Service.Tests.Vignettes.VignetteHarness;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// The vignettes of shared/knowledge/colorectal-liver-metastases.md §7 (V1-V8) and one extra case (X1), on the demo
/// patients in seeds/patients: status, suggested agents, warnings, order-time checks and the absence of wrong suggestions.
/// </summary>
public class ColorectalVignetteTests
{
    private const string Pack = "colorectal-liver-metastases";
    private static readonly string[] AntiEgfr = ["cetuximab", "panitumumab"];

    private static void AllCardsValid(VignetteResult result) => Assert.Empty(ResponseSelfCheck.CheckJson(result.Response));

    private static void Contains(string expected, string text) => Assert.Contains(expected, text, StringComparison.Ordinal);

    private static List<JsonElement> Actions(JsonElement card) =>
        card.GetProperty("suggestions").EnumerateArray().SelectMany(s => s.GetProperty("actions").EnumerateArray()).ToList();

    private static List<string> Codes(JsonElement action) =>
        action.GetProperty("resource").GetProperty("code").GetProperty("coding").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();

    private static List<string> CrlmRules(VignetteResult result) => result.Rules.Where(r => r.StartsWith("crlm.", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task V1_ConversionCandidateRasBrafWildType_SuggestsCetuximabFolfoxAndBevacizumab_WithTheInconsistency()
    {
        var result = await PatientViewAsync("crc-v1");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // treatment-naive: not refractory, no status card
        Assert.Superset(new HashSet<string> { "cetuximab", "fluorouracil", "leucovorin", "oxaliplatin", "bevacizumab" }, result.SuggestedAgents.ToHashSet());
        Assert.DoesNotContain("panitumumab", result.SuggestedAgents);

        string cetuximab = result.Text("crlm.regimen.cetuximab-folfox-conversion");
        Contains("146 例最初无法切除的 RAS/BRAF 野生型", cetuximab);
        Contains("三联组患者报告的≥ 3 级中性粒细胞减少症和腹泻发生率较高", cetuximab);
        Contains("garbled", cetuximab);
        Contains("UGT1A1", cetuximab);
        Contains("Do not add bevacizumab", cetuximab);

        string bevacizumab = result.Text("crlm.regimen.bevacizumab-chemotherapy");
        Contains("The paper is inconsistent here", bevacizumab);
        Contains("可优先选择", bevacizumab);
        Contains("[26]", bevacizumab);
        Contains("[28]", bevacizumab);
        Contains("VEGF-A ligand", bevacizumab);

        Assert.True(result.Has("crlm.regimen.haip-first-line-conversion"));
        Contains("is not TACE", result.Text("crlm.regimen.haip-first-line-conversion"));
        Assert.Equal("warning", result.Indicator("crlm.safety.conversion-hazards"));
        Contains("肝损伤", result.Text("crlm.safety.conversion-hazards"));

        // Potentially resectable, naive: no salvage local therapy, no ablation routing.
        foreach (string rule in new[] { "crlm.regimen.regional-therapy-after-progression", "crlm.regimen.upfront-ablation", "crlm.regimen.mwa-over-sbrt", "crlm.regimen.folfoxiri-bevacizumab-braf" })
        {
            Assert.False(result.Has(rule), rule);
        }
    }

    [Fact]
    public async Task V1_CetuximabFolfoxOrder_RasWildType_RaisesNoAntiEgfrCard()
    {
        var sign = await OrderSignAsync("crc-v1");
        AllCardsValid(sign);
        Assert.Empty(CrlmRules(sign)); // RAS/BRAF wild-type, no irinotecan, no bevacizumab: nothing to warn about
    }

    [Fact]
    public async Task V2_ResectableOnNeoadjuvantFourMonths_WarnsAboutDuration_NoSalvageTherapy()
    {
        var result = await PatientViewAsync("crc-v2");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal("warning", result.Indicator("crlm.safety.neoadjuvant-too-long"));
        string warning = result.Text("crlm.safety.neoadjuvant-too-long");
        Contains("3 months", warning);
        Contains("新辅助化疗的时间应限制在 2 到 3 个月之间", warning);
        var record = VignetteResult.Assessment(result.Card("crlm.safety.neoadjuvant-too-long"))!.Value;
        var limit = record.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "neoadjuvant-max-duration");
        Assert.Equal("P3M", limit.GetProperty("value").GetString());

        string resection = result.Text("crlm.regimen.resection");
        Contains("保留充分的肝脏储备", resection);
        Contains("controversial", resection);
        Contains("需谨慎解读结果", resection);
        Contains("general knowledge", resection); // remnant thresholds are not the paper's

        Assert.Empty(result.SuggestedAgents);
        Assert.False(result.Has("crlm.regimen.regional-therapy-after-progression")); // no Y90/TACE/HAIP after progression
        Assert.False(result.Has("crlm.regimen.hai-oxaliplatin-after-failure"));
    }

    [Fact]
    public async Task V2_OrderTime_NextCycleIsFlagged_AndHepatectomyOrderStatesLiverReserve()
    {
        var cycle = await OrderSignAsync("crc-v2", draftIndex: 0);
        AllCardsValid(cycle);
        Assert.Equal("warning", cycle.Indicator("crlm.safety.neoadjuvant-too-long-order"));
        Contains("oxaliplatin", cycle.Card("crlm.safety.neoadjuvant-too-long-order").GetProperty("summary").GetString()!);
        Assert.False(cycle.Has("crlm.safety.liver-reserve-before-hepatectomy"));

        var surgery = await OrderSelectAsync("crc-v2", draftIndex: 1);
        AllCardsValid(surgery);
        Assert.Equal("info", surgery.Indicator("crlm.safety.liver-reserve-before-hepatectomy"));
        Contains("需保留充分的肝脏储备", surgery.Text("crlm.safety.liver-reserve-before-hepatectomy"));
        Assert.False(surgery.Has("crlm.safety.neoadjuvant-too-long-order"));
    }

    [Fact]
    public async Task V3_BrafMutant_SuggestsFolfoxiriBevacizumab_NeverAntiEgfr_NoUgt1a1Alert()
    {
        var result = await PatientViewAsync("crc-v3");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { "bevacizumab", "irinotecan", "oxaliplatin", "fluorouracil" }, result.SuggestedAgents);
        string card = result.Text("crlm.regimen.folfoxiri-bevacizumab-braf");
        Contains("可作为 BRAF 基因突变型晚期结直肠癌患者的一线治疗方案", card);
        Contains("neutrophil", card);
        Contains("adjust doses to tolerance", card);
        Contains("general knowledge", card);
        Assert.False(result.Has("crlm.regimen.cetuximab-folfox-conversion"));
        Assert.False(result.Has("crlm.regimen.bevacizumab-chemotherapy")); // the BRAF card carries bevacizumab
        Assert.False(result.Has("crlm.data-gap.ras-braf-testing"));
    }

    [Fact]
    public async Task V3_CetuximabOrder_BrafMutant_IsAWarningWithRemoval_NotCritical()
    {
        var sign = await OrderSignAsync("crc-v3");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("crlm.safety.anti-egfr-braf-mutant"));
        Assert.False(sign.Has("crlm.safety.anti-egfr-ras-mutant")); // RAS wild-type
        Assert.False(sign.Has("crlm.safety.anti-egfr-ras-unknown"));
        Assert.False(sign.Has("crlm.safety.irinotecan-no-ugt1a1"));
        var delete = Actions(sign.Card("crlm.safety.anti-egfr-braf-mutant")).Single();
        Assert.Equal("delete", delete.GetProperty("type").GetString());
        Assert.Equal("MedicationRequest/crc-v3-mr-cetux", delete.GetProperty("resourceId").GetString());
    }

    [Fact]
    public async Task V4_KrasMutantProgressedOnFirstLine_IsRefractory_SuggestsLiverDirectedOptions()
    {
        var result = await PatientViewAsync("crc-v4");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        var facts = VignetteResult.Assessment(result.Card("crlm.chemo-refractory-status"))!.Value.GetProperty("facts")
            .EnumerateArray().Select(f => f.GetProperty("reference").GetString()).ToList();
        Assert.Contains("MedicationStatement/crc-v4-ms-bev-mnt", facts);

        Assert.Contains("oxaliplatin", result.SuggestedAgents);
        Assert.Empty(result.SuggestedAgents.Intersect(AntiEgfr));
        Assert.False(result.Has("crlm.regimen.second-line-after-oxaliplatin")); // progressed on bevacizumab

        var regional = result.Card("crlm.regimen.regional-therapy-after-progression");
        string regionalText = result.Text("crlm.regimen.regional-therapy-after-progression");
        Contains("2.9 个月的无进展生存期", regionalText);
        Contains("139 Gy", regionalText);
        Contains("63 Gy（范围，24-113 Gy）", regionalText);
        var referrals = Actions(regional).Select(a => Codes(a)[0]).ToList();
        Assert.Equal(["764677008", "314617008", "hepatic-arterial-infusion"], referrals); // Y90, TACE and HAI stay distinct

        Contains("42%", result.Text("crlm.regimen.hai-oxaliplatin-after-failure"));
        Contains("HAI 相关腹痛", result.Text("crlm.regimen.hai-oxaliplatin-after-failure"));
        Contains("Off-label use", result.Text("crlm.regimen.hai-oxaliplatin-after-failure"));
        Contains("可低至 20%", result.Text("crlm.safety.sbrt-kras-tp53"));
        Assert.True(result.Has("crlm.regimen.mwa-over-sbrt")); // restaging: largest lesion 4.2 cm
        Contains("trial protocol", result.Text("crlm.regimen.mwa-over-sbrt"));
    }

    [Fact]
    public async Task V4_CetuximabOrder_RasMutant_IsCriticalFirst_WithDeleteSuggestion()
    {
        var sign = await OrderSignAsync("crc-v4");
        AllCardsValid(sign);
        Assert.Equal("crlm.safety.anti-egfr-ras-mutant", sign.Rules[0]);
        Assert.Equal("critical", sign.Indicator("crlm.safety.anti-egfr-ras-mutant"));
        Contains("cetuximab", sign.Card("crlm.safety.anti-egfr-ras-mutant").GetProperty("summary").GetString()!);
        var delete = Actions(sign.Card("crlm.safety.anti-egfr-ras-mutant")).Single();
        Assert.Equal("delete", delete.GetProperty("type").GetString());
        Assert.Equal("MedicationRequest/crc-v4-mr-cetux", delete.GetProperty("resourceId").GetString());
        Assert.True(sign.Card("crlm.safety.anti-egfr-ras-mutant").GetProperty("overrideReasons").GetArrayLength() > 0);
        Assert.False(sign.Has("crlm.safety.anti-egfr-ras-unknown"));
    }

    [Fact]
    public async Task X1_CetuximabOrder_RasUnknown_WarnsWithTestingOrders_AndFlagsBevacizumabCombination()
    {
        var sign = await OrderSignAsync("crc-x1");
        AllCardsValid(sign);
        Assert.DoesNotContain(sign.Cards, c => c.GetProperty("indicator").GetString() == "critical"); // unknown is not mutant
        Assert.Equal("warning", sign.Indicator("crlm.safety.anti-egfr-ras-unknown"));
        var tests = Actions(sign.Card("crlm.safety.anti-egfr-ras-unknown"));
        Assert.All(tests, a => Assert.Equal("ServiceRequest", a.GetProperty("resource").GetProperty("resourceType").GetString()));
        Assert.Equal(["81420-2", "85299-6"], tests.Select(a => Codes(a)[0]));
        Assert.Equal("Patient/crc-x1", tests[0].GetProperty("resource").GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal("warning", sign.Indicator("crlm.safety.anti-egfr-with-bevacizumab"));
        Contains("仍需进一步的研究", sign.Text("crlm.safety.anti-egfr-with-bevacizumab"));

        var view = await PatientViewAsync("crc-x1");
        AllCardsValid(view);
        Assert.Equal(["crlm.data-gap.ras-braf-testing"], CrlmRules(view)); // on first-line therapy: no regimen to suggest
        Assert.Null(view.StatusOf(Pack));
    }

    [Fact]
    public async Task V5_UnfitTwoSmallLesions_SuggestsUpfrontAblation_AdjuvantCourseIsNotFailure()
    {
        var result = await PatientViewAsync("crc-v5");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // adjuvant FOLFOX in 2022 is not a line for metastatic disease
        string ablation = result.Text("crlm.regimen.upfront-ablation");
        Contains("5 年无病生存率（DFS）更佳（36% 对比 21%；P=0.02）", ablation);
        Contains("延迟消融组为59%，前期消融组为64%；P=0.49", ablation);
        Contains("100% 的 3 毫米 3D 安全边界和至少 90% 的 6 毫米 3D 安全边界", ablation);
        Assert.Contains("432226009", Codes(Actions(result.Card("crlm.regimen.upfront-ablation")).Single()));
        Assert.False(result.Has("crlm.regimen.mwa-over-sbrt")); // 2.1 cm
        Assert.True(result.Has("crlm.data-gap.ras-braf-testing")); // no BRAF result
        Assert.False(result.Has("crlm.regimen.cetuximab-folfox-conversion")); // BRAF unknown: not offered
    }

    [Fact]
    public async Task V6_RecurrenceAfterHepatectomy_SuggestsSrfa_AndPromptsMdtDecision()
    {
        var result = await PatientViewAsync("crc-v6");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        string srfa = result.Text("crlm.regimen.srfa-recurrence");
        Contains("主要并发症的发生率为 5.8%（在 103 次消融中发生 6 次），死亡率为 1.0%（103 次消融中发生 1 次）", srfa);
        Contains("97.7%", srfa);
        Contains("98.2%", srfa); // the paper's arithmetic inconsistency is reported
        Contains("单中心", srfa);
        var facts = VignetteResult.Assessment(result.Card("crlm.regimen.srfa-recurrence"))!.Value.GetProperty("facts")
            .EnumerateArray().Select(f => f.GetProperty("reference").GetString()).ToList();
        Assert.Contains("Procedure/crc-v6-proc-hepatectomy", facts);
        Assert.Contains("Condition/crc-v6-cond-liver-mets-2", facts);
        Contains("never computes resectability", result.Text("crlm.data-gap.mdt-resectability"));
        Assert.False(result.Has("crlm.regimen.upfront-ablation")); // unresectable is not asserted
    }

    [Fact]
    public async Task V7_RefractoryAfterFolfoxCetuximab_SuggestsIrinotecanDoublet_LowEvidence()
    {
        var result = await PatientViewAsync("crc-v7");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Superset(new HashSet<string> { "irinotecan", "fluorouracil", "bevacizumab" }, result.SuggestedAgents.ToHashSet());
        Assert.Empty(result.SuggestedAgents.Intersect(AntiEgfr));
        string card = result.Text("crlm.regimen.second-line-after-oxaliplatin");
        Contains("low evidence", card);
        Contains("序贯使用", card);
        Contains("UGT1A1", card);
        Assert.True(result.Has("crlm.regimen.regional-therapy-after-progression")); // liver-only disease
    }

    [Fact]
    public async Task V7_IrinotecanOrder_NoUgt1a1AndGilbert_TwoWarnings_WithGenotypeOrder()
    {
        var sign = await OrderSignAsync("crc-v7");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("crlm.safety.irinotecan-no-ugt1a1"));
        var order = Actions(sign.Card("crlm.safety.irinotecan-no-ugt1a1")).Single();
        Assert.Equal(["72508-5"], Codes(order));
        Assert.Equal("warning", sign.Indicator("crlm.safety.irinotecan-gilbert"));
        Contains("尿苷二磷酸葡糖醛酸转移酶 1A1 基因型", sign.Text("crlm.safety.irinotecan-no-ugt1a1"));
        Assert.DoesNotContain(sign.Cards, c => c.GetProperty("indicator").GetString() == "critical");
        Assert.False(sign.Has("crlm.safety.anti-egfr-with-bevacizumab")); // cetuximab stopped: sequence, not combination
    }

    [Fact]
    public async Task V8_LiverAndLungResectable_RepeatSbrt_SurgeryPreferred_TechniqueAndKrasCaveats()
    {
        var view = await PatientViewAsync("crc-v8");
        AllCardsValid(view);
        Assert.Null(view.StatusOf(Pack));
        Contains("不能取代手术治疗", view.Text("crlm.regimen.directed-rt-liver-lung"));
        Assert.True(view.Has("crlm.regimen.resection"));
        Contains("≥ 100Gy10", view.Text("crlm.regimen.after-local-therapy-failure"));
        Contains("可低至 20%", view.Text("crlm.safety.sbrt-kras-tp53"));
        Assert.Empty(view.SuggestedAgents.Intersect(AntiEgfr));

        var sign = await OrderSignAsync("crc-v8");
        AllCardsValid(sign);
        Contains("基于 MRI 的直线加速器或基于质子的 SBRT", sign.Text("crlm.safety.repeat-sbrt-technique"));
        Assert.Equal("warning", sign.Indicator("crlm.safety.rt-cannot-replace-surgery"));
        Assert.True(sign.Has("crlm.safety.sbrt-order-kras-tp53"));
    }

    public static TheoryData<string> CrcPatients() =>
        new(CdsHooks.Testing.Seeds.SeedPatients.ById.Keys.Where(id => id.StartsWith("crc-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CrcPatients))]
    public async Task IndexExpectations_Hold(string patientId)
    {
        var expected = CdsHooks.Testing.Seeds.SeedPatients.Get(patientId).Index.GetProperty("expected");
        var result = await PatientViewAsync(patientId);
        AllCardsValid(result);
        string? status = result.StatusOf(Pack);
        Assert.Equal(expected.GetProperty("refractory").GetString() == "yes", status == "refractory");
        Assert.NotEqual("insufficient-data", status);
        var suggested = result.SuggestedAgents;
        Assert.All(expected.GetProperty("suggest").EnumerateArray(), a => Assert.Contains(a.GetString()!, suggested));
        Assert.All(expected.GetProperty("mustNotSuggest").EnumerateArray(), a => Assert.DoesNotContain(a.GetString()!, suggested));
    }

    [Fact]
    public async Task EveryCrlmCard_CitesThePaperWithoutUrl_AndHasTopicAndUuids()
    {
        foreach (string patient in new[] { "crc-v1", "crc-v4", "crc-v6", "crc-v7" })
        {
            var result = await PatientViewAsync(patient);
            foreach (var card in result.Cards)
            {
                Assert.True(Guid.TryParse(card.GetProperty("uuid").GetString(), out _));
                var source = card.GetProperty("source");
                Assert.Equal("http://refractorycds.org/fhir/CodeSystem/card-kind", source.GetProperty("topic").GetProperty("system").GetString());
                Assert.False(source.TryGetProperty("url", out _)); // the source file has no DOI or URL
                Assert.True(card.GetProperty("summary").GetString()!.Length < 140);
            }
        }
    }

    [Fact]
    public async Task OtherPacksPatients_GetNoCrlmCards()
    {
        foreach (string patient in new[] { "crohns-v1", "lung-v5", "sle-v8", "cart-v3" })
        {
            Assert.Empty(CrlmRules(await PatientViewAsync(patient)));
        }
    }
}
