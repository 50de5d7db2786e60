using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Testing.Seeds;

/// <summary>A synthetic demo patient from seeds/patients, with its vignette expectations from index.json.</summary>
public sealed record SeedPatient
{
    /// <summary>The patient id (also the Bundle id).</summary>
    public required string PatientId { get; init; }

    /// <summary>The file name.</summary>
    public required string File { get; init; }

    /// <summary>The evaluation instant (Bundle.timestamp).</summary>
    public required DateTimeOffset EvaluationTime { get; init; }

    /// <summary>The Patient resource.</summary>
    public required Patient Patient { get; init; }

    /// <summary>Every other resource.</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }

    /// <summary>The vignette's draft orders (for order-select/order-sign), as FHIR JSON.</summary>
    public required IReadOnlyList<JsonElement> DraftOrders { get; init; }

    /// <summary>The index entry as written.</summary>
    public required JsonElement Index { get; init; }

    /// <summary>The raw bundle bytes.</summary>
    public required byte[] BundleJson { get; init; }

    /// <summary>expected.refractory: yes, no or insufficient-data.</summary>
    public string ExpectedRefractory => Index.GetProperty("expected").GetProperty("refractory").GetString()!;
}

/// <summary>Loads the demo patients by id, like fhir-server's Samples.</summary>
public static class SeedPatients
{
    private static readonly Lazy<IReadOnlyDictionary<string, SeedPatient>> All = new(Load);

    /// <summary>Every demo patient by id.</summary>
    public static IReadOnlyDictionary<string, SeedPatient> ById => All.Value;

    /// <summary>One demo patient.</summary>
    public static SeedPatient Get(string patientId) => All.Value[patientId];

    private static Dictionary<string, SeedPatient> Load()
    {
        using var index = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(RepoPaths.Patients, "index.json")));
        var result = new Dictionary<string, SeedPatient>(StringComparer.Ordinal);
        foreach (var entry in index.RootElement.EnumerateArray())
        {
            string file = entry.GetProperty("file").GetString()!;
            byte[] json = System.IO.File.ReadAllBytes(Path.Combine(RepoPaths.Patients, file));
            var bundle = (Bundle)FhirJson.DeserializeResource(json);
            var resources = bundle.Entry!.Select(e => e.Resource!).ToList();
            var drafts = entry.TryGetProperty("draftOrders", out var d) ? d.EnumerateArray().Select(x => x.Clone()).ToList() : [];
            result[entry.GetProperty("patientId").GetString()!] = new SeedPatient
            {
                PatientId = entry.GetProperty("patientId").GetString()!,
                File = file,
                EvaluationTime = bundle.Timestamp!.Value.LowerBound,
                Patient = resources.OfType<Patient>().Single(),
                Resources = resources.Where(r => r is not Patient).ToList(),
                DraftOrders = drafts,
                Index = entry.Clone(),
                BundleJson = json,
            };
        }

        return result;
    }
}
