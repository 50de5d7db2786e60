using System.Text.Json;
using CdsHooks.Protocol.Validation;
using CdsHooks.Testing.Seeds;
using static CdsHooks.Service.Tests.Vignettes.VignetteHarness;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// The vignettes of shared/knowledge/car-t-b-cell-malignancies.md §7 (V1-V10 with the V5 day-3, V6b and V8b variants)
/// and two added variants (V5 day 5, CRS grade 3; V9b, CD19-positive relapse), on the demo patients in seeds/patients.
/// Each asserts the status, the suggested agents, the warnings and the absence of wrong suggestions.
/// </summary>
public class CarTVignetteTests
{
    private const string Pack = "car-t-b-cell";
    private const string Tisa = "tisagenlecleucel";
    private const string Axi = "axicabtagene ciloleucel";
    private const string Brexu = "brexucabtagene autoleucel";
    private const string Liso = "lisocabtagene maraleucel";
    private const string Relma = "relmacabtagene autoleucel";
    private const string Inati = "inaticabtagene autoleucel";
    private const string Ide = "idecabtagene vicleucel";
    private const string Cilta = "ciltacabtagene autoleucel";
    private const string Eque = "equecabtagene autoleucel";
    private const string Zevor = "zevorcabtagene autoleucel";

    private static void AllCardsValid(VignetteResult result) => Assert.Empty(ResponseSelfCheck.CheckJson(result.Response));

    private static void Says(VignetteResult result, string rule, params string[] phrases)
    {
        string text = result.Text(rule);
        Assert.All(phrases, p => Assert.Contains(p, text, StringComparison.Ordinal));
    }

    private static HashSet<string> AgentsOf(VignetteResult result, string rule) =>
        VignetteResult.Assessment(result.Card(rule))!.Value.GetProperty("agents").EnumerateArray().Select(a => a.GetString()!).ToHashSet();

    private static IEnumerable<JsonElement> Actions(JsonElement card) =>
        card.GetProperty("suggestions").EnumerateArray().SelectMany(s => s.GetProperty("actions").EnumerateArray());

    private static string FirstCode(JsonElement action) =>
        action.GetProperty("resource").TryGetProperty("medicationCodeableConcept", out var med)
            ? med.GetProperty("coding")[0].GetProperty("code").GetString()!
            : action.GetProperty("resource").GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString()!;

    [Fact]
    public async Task V1_AdolescentSecondRelapse_SuggestsTisagenlecleucelOnly_WithCibmtrSafetyFigures()
    {
        var result = await PatientViewAsync("cart-v1");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Tisa }, result.SuggestedAgents);
        Says(result, "cart.product.tisagenlecleucel.b-all", "under 25", "ORR 81%, CRR 82%", "cannot both hold", "grade ≥3 CRS 17.8%, ICANS 10%",
            "up to 30% of patients relapse CD19-negative", "2017/8，r/r B-ALL (25 岁以下)");
        Says(result, "cart.safety.crs-icans-before-infusion", "89%", "2-3 days", "ICANS", "4-5 days", "about 50%");
        Assert.Equal("info", result.Indicator("cart.gk.tumour-burden"));
        Says(result, "cart.gk.tumour-burden", "General clinical knowledge, not from the source paper.");
        Assert.False(result.Has("cart.ineligible.tisagenlecleucel-b-all-age"));
    }

    [Fact]
    public async Task V2_AdultPrimaryRefractory_KymriahExplainedNotSuggested_AdultProductsSuggested()
    {
        var result = await PatientViewAsync("cart-v2");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Brexu, Inati }, result.SuggestedAgents);
        var ineligible = VignetteResult.Assessment(result.Card("cart.ineligible.tisagenlecleucel-b-all-age"))!.Value;
        Assert.Equal("not-recommended", ineligible.GetProperty("kind").GetString());
        Assert.Equal(new HashSet<string> { Tisa }, AgentsOf(result, "cart.ineligible.tisagenlecleucel-b-all-age"));
        Says(result, "cart.ineligible.tisagenlecleucel-b-all-age", "Outside the approved indication: not suggested.", "25 岁以下", "exactly 25", "human review");
        Says(result, "cart.product.brexucabtagene.b-all", "prints this row under \"Breyanzi\"", "Breyanzi is never suggested for B-ALL", "CD28", "allogeneic transplant consolidation");
        Says(result, "cart.gk.tumour-burden", "risk factor for severe CRS");
        Says(result, "cart.safety.crs-icans-before-infusion", "30%-45%");
    }

    [Fact]
    public async Task V2_TisagenlecleucelOrderAt34_IsCriticalAndOffersToRemoveIt()
    {
        var result = await OrderSignAsync("cart-v2");
        AllCardsValid(result);
        Assert.Equal("cart.order.tisagenlecleucel-b-all-age", result.Rules[0]);
        Assert.Equal("critical", result.Indicator("cart.order.tisagenlecleucel-b-all-age"));
        var delete = Actions(result.Card("cart.order.tisagenlecleucel-b-all-age")).Single();
        Assert.Equal("delete", delete.GetProperty("type").GetString());
        Assert.Equal("MedicationRequest/cart-v2-mr-tisacel", delete.GetProperty("resourceId").GetString());
        Assert.False(result.Has("cart.order.indication-not-met")); // one critical card per reason
    }

    [Fact]
    public async Task V3_EarlyRelapseAfterRchop_SecondLineAxicabtagene_BothZuma7RatesShown()
    {
        var result = await PatientViewAsync("cart-v3");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Axi, Liso }, result.SuggestedAgents);
        Says(result, "cart.product.axicabtagene.lbcl-second-line", "12 个月内复发 LBCL", "ORR 83%, median PFS 14.7 months", "CRR 54%", "CRR 65%", "CD28");
        Says(result, "cart.product.lisocabtagene.lbcl-second-line", "not in the paper's Table 2");
        var why = VignetteResult.Assessment(result.Card("cart.product.axicabtagene.lbcl-second-line"))!.Value.GetProperty("facts").EnumerateArray()
            .Select(f => f.GetProperty("role").GetString()!).ToList();
        Assert.Contains(why, f => f.Contains("259 days later", StringComparison.Ordinal)); // 2023-06-30 to 2024-03-15
        Says(result, "cart.safety.crs-icans-before-infusion", "as little and as late as possible");
    }

    [Fact]
    public async Task V4_LateRelapseAfterOneLine_NoStatusNoProduct_ExplainsWhy()
    {
        var result = await PatientViewAsync("cart-v4");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // relapsed, not refractory in the CAR-T sense
        Assert.Empty(result.SuggestedAgents);
        Assert.Equal("info", result.Indicator("cart.ineligible.lbcl-late-relapse-one-line"));
        Says(result, "cart.ineligible.lbcl-late-relapse-one-line", "12 个月内复发 LBCL", "Standard second-line salvage", "Re-evaluate for CAR-T if a second line fails", "PILOT");
        Assert.Single(result.Cards);
    }

    [Fact]
    public async Task V4_AxicabtageneOrder_IsCritical_AndReferralIsAWarning()
    {
        var product = await OrderSignAsync("cart-v4", 0);
        AllCardsValid(product);
        Assert.Equal("critical", product.Indicator("cart.order.lbcl-line-not-met"));
        Says(product, "cart.order.lbcl-line-not-met", "axicabtagene ciloleucel for LBCL");
        Assert.False(product.Has("cart.order.indication-not-met"));

        var referral = await OrderSelectAsync("cart-v4", 1);
        AllCardsValid(referral);
        Assert.Equal("warning", referral.Indicator("cart.order.referral-without-indication"));
        Assert.DoesNotContain(referral.Cards, c => c.GetProperty("indicator").GetString() == "critical");
    }

    [Fact]
    public async Task V5_TransformedFlAfterAsct_AllFourLbclProducts_LowIggWarning()
    {
        var result = await PatientViewAsync("cart-v5");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Tisa, Axi, Liso, Relma }, result.SuggestedAgents);
        Says(result, "cart.product.tisagenlecleucel.lbcl", "ORR 53%, CRR 39%, median PFS 2.9 months", "primary CNS lymphoma");
        Says(result, "cart.product.axicabtagene.lbcl", "ZUMA-1", "奕凯达", "lentiviral");
        Says(result, "cart.product.lisocabtagene.lbcl", "grade ≥3 CRS 2%", "270 in Table 3 and 269 in the text");
        Says(result, "cart.product.relmacabtagene.lbcl", "ORR 60.3%, CRR 74%", "above the overall response rate", "same trial number as the RELIANCE");
        Assert.Equal("warning", result.Indicator("cart.safety.low-igg-before-car-t"));
        Says(result, "cart.safety.low-igg-before-car-t", "5.1 g/L");
    }

    [Fact]
    public async Task V5Day3_CrsGrade2_TocilizumabCorticosteroidAnakinra_NoNewProduct()
    {
        var result = await PatientViewAsync("cart-v5-day3");
        AllCardsValid(result);
        Assert.Empty(result.SuggestedAgents);
        Assert.Equal("warning", result.Indicator("cart.safety.crs-grade-2"));
        Assert.Equal(new HashSet<string> { "tocilizumab", "dexamethasone", "anakinra" }, AgentsOf(result, "cart.safety.crs-grade-2"));
        Assert.Equal(["612865", "3264", "72435"], Actions(result.Card("cart.safety.crs-grade-2")).Select(FirstCode).ToArray());
        Says(result, "cart.safety.crs-grade-2", "ICU", "as small and as late as possible", "ICANS from day 4-5", "fibrinogen and D-dimer", "take cultures", "ASTCT");
        Assert.Equal(["3255-7", "48065-7"], Actions(result.Card("cart.safety.post-infusion-monitoring")).Select(FirstCode).ToArray());
        Assert.Equal("2465-3", FirstCode(Actions(result.Card("cart.safety.igg-after-car-t")).Single()));
        Assert.False(result.Has("cart.safety.crs-grade-3"));
    }

    [Fact]
    public async Task V5Day5_CrsGrade3_IsCriticalAndFirstAfterStatus()
    {
        var result = await PatientViewAsync("cart-v5-day5");
        AllCardsValid(result);
        Assert.Equal("cart.safety.crs-grade-3", result.Rules[1]);
        Assert.Equal("critical", result.Indicator("cart.safety.crs-grade-3"));
        Says(result, "cart.safety.crs-grade-3", "ICU", "steroids are the first choice", "2017");
        Assert.False(result.Has("cart.safety.crs-grade-2"));
    }

    [Fact]
    public async Task V6_FollicularAfterTwoLines_FourFlProducts_RelmaCelDeclineNoted()
    {
        var result = await PatientViewAsync("cart-v6");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Axi, Tisa, Liso, Relma }, result.SuggestedAgents);
        Says(result, "cart.product.relmacabtagene.fl", "declines over time", "随着时间推移会有所降低", "only three FL approvals");
        Says(result, "cart.product.tisagenlecleucel.fl", "9.9 months in Table 3 but 16.59 months in the text", "ELARA");
        Says(result, "cart.product.axicabtagene.fl", "LBCL cards apply instead");
    }

    [Fact]
    public async Task V6b_FollicularAfterOneLine_RefractoryButNoProduct_OrderIsCritical()
    {
        var view = await PatientViewAsync("cart-v6b");
        AllCardsValid(view);
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.Empty(view.SuggestedAgents);
        Says(view, "cart.ineligible.fl-too-few-lines", "fewer than 2 prior lines", "general knowledge");

        var sign = await OrderSignAsync("cart-v6b");
        AllCardsValid(sign);
        Assert.Equal("critical", sign.Indicator("cart.order.indication-not-met"));
        Says(sign, "cart.order.indication-not-met", "axicabtagene ciloleucel:", "line 1 (systemic anticancer therapy): bendamustine + rituximab");
    }

    [Fact]
    public async Task V7_MantleCellAfterIbrutinib_TecartusAndBreyanzi()
    {
        var result = await PatientViewAsync("cart-v7");
        AllCardsValid(result);
        Assert.Equal(new HashSet<string> { Brexu, Liso }, result.SuggestedAgents);
        Says(result, "cart.product.brexucabtagene.mcl", "ORR 91%, CRR 68%, median PFS 25.8 months", "CD28", "mast cell leukaemia", "More than half");
        Says(result, "cart.product.lisocabtagene.mcl", "including a BTK inhibitor");
    }

    [Fact]
    public async Task V8_TripleClassFourLines_FourBcmaProducts_TableFourUsedForAbecma()
    {
        var result = await PatientViewAsync("cart-v8");
        AllCardsValid(result);
        Assert.Equal(new HashSet<string> { Ide, Cilta, Eque, Zevor }, result.SuggestedAgents);
        Says(result, "cart.product.idecabtagene.mm", "ORR 73%, CRR 33%, median PFS 8.8 months", "ORR 97%, CR 67%", "contradict Table 4", "grade ≥3 6%");
        Says(result, "cart.product.ciltacabtagene.mm", "54.9% at 27 months", "reached 27 months");
        Says(result, "cart.product.equecabtagene.mm", "CR 74.3%", "78.8%");
        Says(result, "cart.product.zevorcabtagene.mm", "not a possible fraction of 14");
        Says(result, "cart.gk.label-toxicities", "General clinical knowledge, not from the source paper.", "Haemophagocytic", "prolonged cytopenia");
    }

    [Fact]
    public async Task V8b_BcmaNegativeAfterCiltacel_NoBcmaProduct_TrialReferral_OrderWarns()
    {
        var view = await PatientViewAsync("cart-v8b");
        AllCardsValid(view);
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.Empty(view.SuggestedAgents);
        Assert.Equal("warning", view.Indicator("cart.antigen-loss.bcma"));
        Assert.Equal(new HashSet<string> { Ide, Cilta, Eque, Zevor }, AgentsOf(view, "cart.antigen-loss.bcma"));
        Says(view, "cart.antigen-loss.bcma", "help only while BCMA is present");
        Says(view, "cart.trial.myeloma-after-bcma-loss", "Investigational: clinical-trial referral only, not standard care.", "CD138", "CD38", "CD229", "GPRC5D");
        Assert.StartsWith("https://clinicaltrials.gov/", view.Card("cart.trial.myeloma-after-bcma-loss").GetProperty("links")[0].GetProperty("url").GetString(), StringComparison.Ordinal);

        var sign = await OrderSignAsync("cart-v8b");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("cart.order.bcma-product-after-bcma-loss"));
        Assert.False(sign.Has("cart.order.indication-not-met"));
    }

    [Fact]
    public async Task V9_Cd19NegativeRelapseAfterTisacel_Cd19ProductsPoorChoice_Cd22TrialReferral()
    {
        var view = await PatientViewAsync("cart-v9");
        AllCardsValid(view);
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.Empty(view.SuggestedAgents);
        Assert.Equal("warning", view.Indicator("cart.antigen-loss.cd19"));
        Assert.Contains(Tisa, AgentsOf(view, "cart.antigen-loss.cd19"));
        Says(view, "cart.antigen-loss.cd19", "up to 30%", "lineage switch");
        Says(view, "cart.trial.cd22-after-cd19-loss", "Investigational: clinical-trial referral only", "CR/CRi 70.5%", "ORR 72.2%", "13.6 months", "87.7%");
        Says(view, "cart.safety.neutropenia", "haematological toxicity");
        Says(view, "cart.safety.igg-after-car-t", "hypogammaglobulinaemia and frequent infections");
        Assert.False(view.Has("cart.review.relapse-after-car-t"));

        var sign = await OrderSignAsync("cart-v9");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("cart.order.cd19-product-after-cd19-loss"));
        Assert.DoesNotContain(sign.Cards, c => c.GetProperty("indicator").GetString() == "critical");
    }

    [Fact]
    public async Task V9b_Cd19PositiveRelapseAfterTisacel_HumanReviewNotAutomaticSuggestion()
    {
        var result = await PatientViewAsync("cart-v9b");
        AllCardsValid(result);
        Assert.Empty(result.SuggestedAgents);
        Says(result, "cart.review.relapse-after-car-t", "antigen-positive", "second CAR-T infusion", "multidisciplinary review");
        Assert.Contains("CD19 expression", result.Card("cart.review.relapse-after-car-t").GetProperty("suggestions")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.False(result.Has("cart.antigen-loss.cd19"));
    }

    [Fact]
    public async Task V10_CllWithPneumonia_BreyanziInPrinciple_DeferWhileInfected()
    {
        var view = await PatientViewAsync("cart-v10");
        AllCardsValid(view);
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.Equal(new HashSet<string> { Liso }, view.SuggestedAgents);
        Assert.Equal("warning", view.Indicator("cart.safety.defer-active-infection"));
        Says(view, "cart.safety.defer-active-infection", "resembles infection", "sepsis", "Re-evaluate eligibility once the infection has resolved");
        Says(view, "cart.safety.low-igg-before-car-t", "2.5 g/L");
        Assert.True(view.Has("cart.safety.neutropenia"));
        Says(view, "cart.gk.performance-status", "not an exclusion");
        Says(view, "cart.product.lisocabtagene.cll", "ORR 82%, CRR 45%, median PFS 18 months");

        var sign = await OrderSignAsync("cart-v10");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("cart.order.active-infection"));
        Assert.DoesNotContain(sign.Cards, c => c.GetProperty("indicator").GetString() == "critical");
    }

    public static TheoryData<string> CarTPatients() => new(SeedPatients.ById.Values.Where(s => s.PatientId.StartsWith("cart-", StringComparison.Ordinal)).Select(s => s.PatientId));

    [Theory]
    [MemberData(nameof(CarTPatients))]
    public async Task IndexExpectations_HoldForEveryCarTPatient(string patientId)
    {
        var seed = SeedPatients.Get(patientId);
        var result = await PatientViewAsync(patientId);
        AllCardsValid(result);
        string? expectedStatus = seed.ExpectedRefractory switch { "yes" => "refractory", "insufficient-data" => "insufficient-data", _ => null };
        Assert.Equal(expectedStatus, result.StatusOf(Pack));
        var expected = seed.Index.GetProperty("expected");
        var proposed = result.SuggestedAgents.Union(result.AgentsOfKind("safety").Where(a => a is "tocilizumab" or "dexamethasone" or "anakinra")).ToHashSet();
        Assert.Superset(expected.GetProperty("suggest").EnumerateArray().Select(a => a.GetString()!).ToHashSet(), proposed);
        Assert.Empty(result.SuggestedAgents.Intersect(expected.GetProperty("mustNotSuggest").EnumerateArray().Select(a => a.GetString()!)));
        foreach (string hook in seed.DraftOrders.Count > 0 ? new[] { "order-select", "order-sign" } : [])
        {
            var order = hook == "order-sign" ? await OrderSignAsync(patientId) : await OrderSelectAsync(patientId);
            AllCardsValid(order);
            Assert.NotEmpty(order.Cards);
        }
    }

    [Fact]
    public async Task PatientsOfOtherPacks_GetNoCarTCards()
    {
        foreach (string patient in new[] { "crohns-v1", "sle-v8", "lung-v1", "crc-v1" })
        {
            var result = await PatientViewAsync(patient);
            Assert.DoesNotContain(result.Rules, r => r.StartsWith("cart.", StringComparison.Ordinal));
        }
    }
}
