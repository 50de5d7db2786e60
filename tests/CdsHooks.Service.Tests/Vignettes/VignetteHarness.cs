using System.Text.Json;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// Runs a demo patient's vignette through the real service over HTTP: the request carries the patient's full
/// prefetch (and, for order hooks, the vignette's draft orders), the service's clock is set to the vignette's
/// evaluation instant, and the response must pass every CDS Hooks self-check.
/// </summary>
public static class VignetteHarness
{
    // One host for every vignette; the clock is per call, so calls take turns.
    private static readonly Lazy<CdsHooksApp> App = new(() =>
    {
        var app = new CdsHooksApp();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Dispose();
        return app;
    });
    private static readonly SemaphoreSlim Turn = new(1, 1);

    /// <summary>patient-view for the demo patient, at its evaluation date, with full prefetch.</summary>
    public static Task<VignetteResult> PatientViewAsync(string patientId) => RunAsync(patientId, "patient-view", null);

    /// <summary>order-sign with the vignette's draft orders (all, or only the one at <paramref name="draftIndex"/>).</summary>
    public static Task<VignetteResult> OrderSignAsync(string patientId, int? draftIndex = null) => RunAsync(patientId, "order-sign", draftIndex);

    /// <summary>order-select with the vignette's draft orders.</summary>
    public static Task<VignetteResult> OrderSelectAsync(string patientId, int? draftIndex = null) => RunAsync(patientId, "order-select", draftIndex);

    // An order hook always concerns some order; a vignette without one is asked about an everyday drug (paracetamol).
    private static JsonElement UnrelatedDraftOrder(string patientId)
    {
        using var document = JsonDocument.Parse($$$"""
            {"resourceType":"MedicationRequest","id":"draft-paracetamol","status":"draft","intent":"proposal",
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"161","display":"acetaminophen"}]},
             "subject":{"reference":"Patient/{{{patientId}}}"}}
            """);
        return document.RootElement.Clone();
    }

    private static async Task<VignetteResult> RunAsync(string patientId, string hook, int? draftIndex)
    {
        var seed = SeedPatients.Get(patientId);
        var request = CdsRequestBuilder.For(hook, seed.PatientId).WithFullPrefetch(seed);
        if (hook != "patient-view")
        {
            var drafts = seed.DraftOrders.Where((_, i) => draftIndex is null || i == draftIndex).ToList();
            request.WithDraftOrders(drafts.Count > 0 ? drafts : [UnrelatedDraftOrder(seed.PatientId)]);
        }

        JsonElement body;
        await Turn.WaitAsync();
        try
        {
            App.Value.Clock.Set(seed.EvaluationTime);
            body = await HttpAssert.CdsResponseAsync(await App.Value.PostJsonAsync($"/cds-services/refractory-{hook}", request.ToJson()));
        }
        finally
        {
            Turn.Release();
        }

        return new VignetteResult(body);
    }
}
