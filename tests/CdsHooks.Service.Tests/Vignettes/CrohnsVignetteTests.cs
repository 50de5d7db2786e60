using System.Text.Json;
using CdsHooks.Protocol.Validation;
using static CdsHooks.Service.Tests.Vignettes.VignetteHarness;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// The vignettes of shared/knowledge/crohns-disease.md §7 (and one extra case), on the demo patients in seeds/patients.
/// Each asserts the status, the suggested agents, the warnings and the absence of wrong suggestions.
/// </summary>
public class CrohnsVignetteTests
{
    private const string Pack = "crohns-disease";

    private static void AllCardsValid(VignetteResult result) => Assert.Empty(ResponseSelfCheck.CheckJson(result.Response));

    [Fact]
    public async Task V1_TwoMechanismsFailed_IsRefractory_SuggestsDttAndMechanismSwitch()
    {
        var result = await PatientViewAsync("crohns-v1");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.Contains("anti-TNF", result.Text("crohns.refractory-status"), StringComparison.Ordinal);
        Assert.Contains("anti-IL-12/23", result.Text("crohns.refractory-status"), StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "upadacitinib", "vedolizumab", "ustekinumab", "guselkumab" }, result.SuggestedAgents.ToHashSet());
        Assert.Contains("Off-label", result.Text("crohns.regimen.dual-targeted-therapy"), StringComparison.Ordinal);
        Assert.Contains("24 人在 12 周内获得临床应答", result.Text("crohns.regimen.dual-targeted-therapy"), StringComparison.Ordinal);
        Assert.Contains("already failed", result.Text("crohns.regimen.switch-mechanism-after-anti-tnf"), StringComparison.Ordinal);
        Assert.False(result.Has("crohns.regimen.triple-therapy"));
        Assert.False(result.Has("crohns.regimen.stem-cell-transplant"));
        Assert.False(result.Has("crohns.regimen.biologic-plus-immunomodulator"));
        Assert.Equal("info", result.Indicator("crohns.refractory-status"));
        Assert.Equal("Refractory Crohn's disease: 2 advanced-therapy mechanisms failed (anti-TNF, anti-IL-12/23)",
            result.Card("crohns.refractory-status").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task V1_StatusCard_CarriesAssessmentRecord()
    {
        var result = await PatientViewAsync("crohns-v1");
        var record = VignetteResult.Assessment(result.Card("crohns.refractory-status"))!.Value;
        Assert.Equal(Pack, record.GetProperty("pack").GetString());
        Assert.Equal("refractory-status", record.GetProperty("kind").GetString());
        var facts = record.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("reference").GetString()).ToList();
        Assert.Contains("MedicationStatement/crohns-v1-ms-ifx", facts);
        Assert.Contains("MedicationStatement/crohns-v1-ms-ust", facts);
        var assumption = record.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "min-failed-mechanisms");
        Assert.Equal(2, assumption.GetProperty("value").GetInt32());
        Assert.Equal(2, assumption.GetProperty("default").GetInt32());
        Assert.Equal("[1]", record.GetProperty("evidence")[0].GetProperty("reference").GetString());
        Assert.False(record.TryGetProperty("missing", out _));
    }

    [Fact]
    public async Task V2_PerianalFistula_IsDrugRefractory_SuggestsPerianalPathway()
    {
        var result = await PatientViewAsync("crohns-v2");
        AllCardsValid(result);
        Assert.Equal("refractory", VignetteResult.Assessment(result.Card("crohns.perianal-refractory-status"))!.Value.GetProperty("status").GetString());
        Assert.False(result.Has("crohns.refractory-status")); // luminal: one mechanism (anti-TNF) failed, quiet
        Assert.Contains("60%", result.Text("crohns.regimen.perianal-pathway"), StringComparison.Ordinal);
        Assert.True(result.Has("crohns.gk.abscess-before-intensifying"));
        Assert.Contains("not from the source paper", result.Text("crohns.gk.abscess-before-intensifying"), StringComparison.Ordinal);
        Assert.False(result.Has("crohns.regimen.dual-targeted-therapy"));
    }

    [Fact]
    public async Task V3_PaediatricAdalimumabStart_NotRefractory_SuggestsMethotrexateOnly()
    {
        var result = await PatientViewAsync("crohns-v3");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack)); // not refractory: no status card
        Assert.Equal(new HashSet<string> { "methotrexate", "adalimumab" }, result.SuggestedAgents);
        Assert.False(result.Has("crohns.regimen.dual-targeted-therapy"));
        Assert.False(result.Has("crohns.regimen.triple-therapy"));
        Assert.False(result.Has("crohns.regimen.biologic-plus-immunomodulator")); // adult rule; children get MTX, not AZA
        var tb = result.Card("crohns.gk.tb-screening");
        var action = tb.GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("create", action.GetProperty("type").GetString());
        Assert.Equal("ServiceRequest", action.GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.Equal("71775-1", action.GetProperty("resource").GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.True(result.Has("crohns.gk.hbv-screening"));
    }

    [Fact]
    public async Task V4_InductionWeek6_NotYetEvaluable_SuggestsImmunomodulator()
    {
        var result = await PatientViewAsync("crohns-v4");
        AllCardsValid(result);
        Assert.Null(result.StatusOf(Pack));
        Assert.True(result.Has("crohns.induction-reassessment"));
        Assert.Contains("14 weeks", result.Text("crohns.induction-reassessment"), StringComparison.Ordinal);
        Assert.Contains("azathioprine", result.SuggestedAgents);
        Assert.Contains("可能增加", result.Text("crohns.regimen.biologic-plus-immunomodulator"), StringComparison.Ordinal);
        Assert.False(result.Has("crohns.regimen.dual-targeted-therapy"));
        Assert.False(result.Has("crohns.regimen.triple-therapy"));
        Assert.False(result.Has("crohns.regimen.stem-cell-transplant"));
        Assert.True(result.Has("crohns.gk.tb-screening"));
    }

    [Fact]
    public async Task V5_DeepRemission_QuietOnPatientView_WarnsOnStoppingInfliximab()
    {
        var view = await PatientViewAsync("crohns-v5");
        Assert.Empty(view.Cards);

        var sign = await OrderSignAsync("crohns-v5");
        AllCardsValid(sign);
        Assert.Equal("warning", sign.Indicator("crohns.safety.infliximab-withdrawal"));
        Assert.Contains("40%", sign.Text("crohns.safety.infliximab-withdrawal"), StringComparison.Ordinal);
        Assert.Contains("[13]", sign.Text("crohns.safety.infliximab-withdrawal"), StringComparison.Ordinal);
        Assert.True(sign.Card("crohns.safety.infliximab-withdrawal").GetProperty("overrideReasons").GetArrayLength() > 0);
    }

    [Fact]
    public async Task V6_JakContraindicated_NotSuggested_AndBlockedAtOrderTime()
    {
        var view = await PatientViewAsync("crohns-v6");
        AllCardsValid(view);
        Assert.Equal("refractory", view.StatusOf(Pack));
        Assert.DoesNotContain("upadacitinib", view.SuggestedAgents);
        Assert.Contains("guselkumab", view.SuggestedAgents);
        Assert.True(view.Has("crohns.gk.latent-tb-patient-view"));

        var sign = await OrderSignAsync("crohns-v6");
        AllCardsValid(sign);
        Assert.Equal("critical", sign.Indicator("crohns.gk.jak-thrombosis-history"));
        var delete = sign.Card("crohns.gk.jak-thrombosis-history").GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("delete", delete.GetProperty("type").GetString());
        Assert.Equal("MedicationRequest/crohns-v6-mr-upa", delete.GetProperty("resourceId").GetString());
        Assert.Equal("critical", sign.Indicator("crohns.gk.latent-tb-before-advanced-therapy"));
        Assert.Equal("warning", sign.Indicator("crohns.safety.dual-advanced-order"));
        Assert.Contains("multidisciplinary", sign.Text("crohns.safety.dual-advanced-order"), StringComparison.Ordinal);
        Assert.True(sign.Has("crohns.gk.jak-cardiovascular-risk"));
        Assert.Equal("crohns.gk.latent-tb-before-advanced-therapy", sign.Rules[0]); // hazards first
    }

    [Fact]
    public async Task V7_HighlyRefractoryAfterJak_EscalatesBeyondDtt()
    {
        var result = await PatientViewAsync("crohns-v7");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.True(result.Has("crohns.regimen.dual-biologic-highly-refractory"));
        Assert.True(result.Has("crohns.regimen.triple-therapy"));
        Assert.True(result.Has("crohns.regimen.stem-cell-transplant"));
        Assert.Contains("81%", result.Text("crohns.regimen.dual-biologic-highly-refractory"), StringComparison.Ordinal);
        Assert.False(result.Has("crohns.regimen.dual-targeted-therapy"));
        Assert.Contains("teratogenic", result.Text("crohns.regimen.triple-therapy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V8_ExtraIntestinalManifestations_SuggestsMethotrexateAndMechanismSwitch()
    {
        var result = await PatientViewAsync("crohns-v8");
        AllCardsValid(result);
        Assert.Equal("refractory", result.StatusOf(Pack));
        Assert.True(result.Has("crohns.regimen.methotrexate-for-eim"));
        Assert.Contains("12%", result.Text("crohns.regimen.methotrexate-for-eim"), StringComparison.Ordinal);
        Assert.Contains("guselkumab", result.SuggestedAgents);
        Assert.True(result.Has("crohns.regimen.dual-targeted-therapy"));
    }

    [Fact]
    public async Task X1_DualTargetedTherapy_InfectionWarning_AndMethotrexatePregnancyCheck()
    {
        var view = await PatientViewAsync("crohns-x1");
        Assert.Equal("warning", view.Indicator("crohns.safety.combination-infection"));

        var sign = await OrderSignAsync("crohns-x1");
        AllCardsValid(sign);
        var card = sign.Card("crohns.gk.methotrexate-pregnancy");
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        var order = card.GetProperty("suggestions")[0].GetProperty("actions")[0].GetProperty("resource");
        Assert.Equal("ServiceRequest", order.GetProperty("resourceType").GetString());
        Assert.Equal("Patient/crohns-x1", order.GetProperty("subject").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task EveryCard_HasUuidsSourceAndTopic()
    {
        foreach (string patient in new[] { "crohns-v1", "crohns-v2", "crohns-v6", "crohns-v7" })
        {
            var result = await PatientViewAsync(patient);
            foreach (var card in result.Cards)
            {
                Assert.True(Guid.TryParse(card.GetProperty("uuid").GetString(), out _));
                Assert.Equal("http://refractorycds.org/fhir/CodeSystem/card-kind", card.GetProperty("source").GetProperty("topic").GetProperty("system").GetString());
                var source = card.GetProperty("source");
                if (source.GetProperty("label").GetString()!.StartsWith("General clinical knowledge", StringComparison.Ordinal))
                {
                    Assert.False(source.TryGetProperty("url", out _)); // general knowledge cites no paper
                }
                else
                {
                    Assert.StartsWith("https://doi.org/", source.GetProperty("url").GetString(), StringComparison.Ordinal);
                }
                if (card.TryGetProperty("suggestions", out var suggestions))
                {
                    Assert.All(suggestions.EnumerateArray(), s => Assert.True(Guid.TryParse(s.GetProperty("uuid").GetString(), out _)));
                }
            }
        }
    }
}
