namespace CdsHooks.Service.Tests.Demo;

/// <summary>
/// A temporary patients folder with one hand-written patient whose dates sit on the edges FHIR date
/// search cares about (year and month precision, offsets, open periods). Deleted on dispose.
/// </summary>
public sealed class EdgePatients : IDisposable
{
    /// <summary>Bundle.timestamp of the edge patient.</summary>
    public const string Timestamp = "2023-06-01T09:00:00Z";

    private EdgePatients(DirectoryInfo directory) => Directory = directory.FullName;

    /// <summary>The folder to use as Demo:PatientsDirectory.</summary>
    public string Directory { get; }

    /// <summary>Writes the edge patient (and any extra files) into a new temporary folder.</summary>
    public static EdgePatients Create(string index = DefaultIndex, string bundle = Bundle, params (string Name, string Json)[] extra)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("demo-fhir-");
        File.WriteAllText(Path.Combine(directory.FullName, "index.json"), index);
        File.WriteAllText(Path.Combine(directory.FullName, "edge-1.json"), bundle);
        foreach (var (name, json) in extra)
        {
            File.WriteAllText(Path.Combine(directory.FullName, name), json);
        }

        return new EdgePatients(directory);
    }

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>An index listing only edge-1.json, with one draft order.</summary>
    public const string DefaultIndex = """
    [
      { "file": "edge-1.json", "patientId": "edge-1", "area": "crohns", "vignette": "E1", "evaluationDate": "2023-06-01",
        "summary": "Synthetic edge cases for date search.",
        "draftOrders": [ { "resourceType": "MedicationRequest", "id": "edge-1-draft", "status": "draft", "intent": "order",
                           "subject": { "reference": "Patient/edge-1" }, "authoredOn": "2023-06-01" } ] }
    ]
    """;

    /// <summary>The edge patient's bundle.</summary>
    public const string Bundle = """
    {
      "resourceType": "Bundle", "id": "edge-1", "type": "collection", "timestamp": "2023-06-01T09:00:00Z",
      "entry": [
        { "resource": { "resourceType": "Patient", "id": "edge-1", "gender": "female", "birthDate": "1990" } },
        { "resource": { "resourceType": "Observation", "id": "obs-year", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] }, "effectiveDateTime": "2022" } },
        { "resource": { "resourceType": "Observation", "id": "obs-month", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "code": "local-1" } ] }, "effectiveDateTime": "2023-03" } },
        { "resource": { "resourceType": "Observation", "id": "obs-day", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] }, "effectiveDateTime": "2023-03-15" } },
        { "resource": { "resourceType": "Observation", "id": "obs-late", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] }, "effectiveDateTime": "2023-03-31T23:30:00Z" } },
        { "resource": { "resourceType": "Observation", "id": "obs-offset", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] }, "effectiveDateTime": "2023-04-01T00:30:00+02:00" } },
        { "resource": { "resourceType": "Observation", "id": "obs-period", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] },
                        "effectivePeriod": { "start": "2023-02-20", "end": "2023-03-10" } } },
        { "resource": { "resourceType": "Observation", "id": "obs-open", "status": "preliminary", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] }, "effectivePeriod": { "start": "2023-05-01" } } },
        { "resource": { "resourceType": "Observation", "id": "obs-none", "status": "final", "subject": { "reference": "Patient/edge-1" },
                        "code": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] } } },
        { "resource": { "resourceType": "Condition", "id": "cond-year", "subject": { "reference": "Patient/edge-1" },
                        "onsetDateTime": "2021", "recordedDate": "2021-06-02" } },
        { "resource": { "resourceType": "Condition", "id": "cond-period", "subject": { "reference": "Patient/edge-1" },
                        "onsetPeriod": { "start": "2020-11", "end": "2021-01-15" }, "recordedDate": "2021-01-20T08:00:00Z" } },
        { "resource": { "resourceType": "MedicationRequest", "id": "mr-evening", "status": "active", "intent": "order",
                        "subject": { "reference": "Patient/edge-1" }, "authoredOn": "2023-05-31T16:00:00-08:00" } },
        { "resource": { "resourceType": "MedicationStatement", "id": "ms-two-months", "status": "completed",
                        "subject": { "reference": "Patient/edge-1" }, "effectivePeriod": { "start": "2023-01", "end": "2023-02" } } },
        { "resource": { "resourceType": "Procedure", "id": "proc-morning", "status": "completed",
                        "subject": { "reference": "Patient/edge-1" }, "performedDateTime": "2023-03-15T10:00:00Z" } }
      ]
    }
    """;
}
