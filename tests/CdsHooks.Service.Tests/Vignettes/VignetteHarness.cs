using System.Text.Json;
using CdsHooks.Clinical;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Responses;
using CdsHooks.Testing;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// Runs a demo patient's vignette through a hook and returns the response JSON.
/// TEMPORARY: evaluates through the engine directly until the host lands, then switches to HTTP.
/// </summary>
public static class VignetteHarness
{
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() => KnowledgeBase.Load(new ClinicalOptions
    {
        KnowledgeDirectory = RepoPaths.Knowledge,
        ProfilesDirectory = RepoPaths.Profiles,
    }));

    /// <summary>patient-view for the demo patient, at its evaluation date, with full prefetch.</summary>
    public static Task<VignetteResult> PatientViewAsync(string patientId) => RunAsync(patientId, "patient-view", null);

    /// <summary>order-sign with the vignette's draft orders (all, or only the one at <paramref name="draftIndex"/>).</summary>
    public static Task<VignetteResult> OrderSignAsync(string patientId, int? draftIndex = null) => RunAsync(patientId, "order-sign", draftIndex);

    /// <summary>order-select with the vignette's draft orders.</summary>
    public static Task<VignetteResult> OrderSelectAsync(string patientId, int? draftIndex = null) => RunAsync(patientId, "order-select", draftIndex);

    private static async Task<VignetteResult> RunAsync(string patientId, string hook, int? draftIndex)
    {
        var seed = SeedPatients.Get(patientId);
        var drafts = hook == "patient-view" ? [] : seed.DraftOrders.Where((_, i) => draftIndex is null || i == draftIndex).Select(FhirJson.DeserializeResource).ToList();
        var engine = new RefractoryEngine(Knowledge.Value, new FixedTimeProvider(seed.EvaluationTime),
            Options.Create(new ClinicalOptions()), NullLogger<RefractoryEngine>.Instance);
        var cards = await engine.EvaluateAsync(new HookInvocation
        {
            ServiceId = "vignette",
            Hook = hook,
            HookInstance = Guid.NewGuid().ToString(),
            PatientId = seed.PatientId,
            Data = new ClinicalData(seed.Patient, seed.Resources),
            DraftOrders = drafts,
        }, CancellationToken.None);
        byte[] json = CdsJson.SerializeToUtf8Bytes(new CdsResponse { Cards = cards });
        using var document = JsonDocument.Parse(json);
        return new VignetteResult(document.RootElement.Clone());
    }
}
