using System.Text.Json;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Protocol.Requests;

namespace CdsHooks.Service.Audit;

/// <summary>
/// What one service invocation is about, filled in by the endpoint as it learns it, and read after the response by
/// <see cref="InvocationRecordingMiddleware"/>, which then knows the final status (also of a failed call).
/// </summary>
internal sealed class InvocationFeature(string serviceId)
{
    public string ServiceId { get; } = serviceId;

    public string? Hook { get; private set; }

    public string? HookInstance { get; private set; }

    /// <summary>The raw patient id; hashed before it is recorded, and never logged.</summary>
    public string? PatientId { get; private set; }

    public IReadOnlyList<(string Rule, string Kind)> Cards { get; private set; } = [];

    public IReadOnlyList<string> DataGaps { get; private set; } = [];

    public static InvocationFeature Start(HttpContext http, string serviceId)
    {
        var feature = new InvocationFeature(serviceId);
        http.Features.Set(feature);
        return feature;
    }

    public void Read(CdsRequest request)
    {
        Hook = request.Hook;
        HookInstance = request.HookInstance;
        if (request.Context.ValueKind == JsonValueKind.Object
            && request.Context.TryGetProperty("patientId", out var patient) && patient.ValueKind == JsonValueKind.String)
        {
            PatientId = patient.GetString();
        }
    }

    public void Complete(ServiceInvocationResult result)
    {
        PatientId = result.PatientId;
        DataGaps = result.DataGaps.Select(g => g.PrefetchKey).Distinct(StringComparer.Ordinal).ToList();
        Cards = result.Response.Cards.Select(card => AssessmentRecord.RuleAndKindOf(card) is var (rule, kind)
            ? (rule ?? "unknown", kind ?? "unknown")
            : ("unknown", "unknown")).ToList();
    }
}
