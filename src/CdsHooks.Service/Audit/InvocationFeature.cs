using System.Text.Json;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Protocol.Requests;

namespace CdsHooks.Service.Audit;

/// <summary>
/// What one service invocation is about, filled in by the endpoint as it learns it, and read after the response by
/// <see cref="InvocationRecordingMiddleware"/>, which then knows the final status (also of a failed call).
/// </summary>
internal sealed class InvocationFeature(string serviceId)
{
    private const string AssessmentExtension = "org.refractorycds.assessment";

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
        Cards = result.Response.Cards.Select(card =>
            card.Extension is { } extension && extension.TryGetValue(AssessmentExtension, out var record) && record.ValueKind == JsonValueKind.Object
                ? (Text(record, "rule"), Text(record, "kind"))
                : ("unknown", "unknown")).ToList();
    }

    private static string Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "unknown";
}
