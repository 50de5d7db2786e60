using System.Globalization;
using System.Text.Json.Nodes;

namespace CdsHooks.Benchmarks.Http;

/// <summary>
/// A patient-view request with full prefetch for a realistic refractory Crohn's patient: 30 Conditions, 60
/// medication records (40 MedicationStatements, 20 MedicationRequests), 400 Observations and 10 Procedures, with
/// real codes, so the service does all of its work (every pack in scope is evaluated and cards are composed).
/// Deterministic: the same bytes every run.
/// </summary>
internal static class RealisticPatientRequest
{
    private const string PatientId = "bench-patient";
    private static readonly DateTime Start = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // RxNorm ingredients: IBD therapies first, then everyday drugs the packs do not care about.
    private static readonly string[] Drugs = ["191831", "327361", "847083", "1256", "6851", "17767", "29046", "6809", "36567", "83367", "5640", "7646"];
    private static readonly (string Loinc, string Unit, double Low, double High)[] Labs =
    [
        ("1988-5", "mg/L", 1, 60), ("38445-3", "ug/g", 20, 2000), ("1751-7", "g/L", 25, 45), ("718-7", "g/dL", 9, 15),
        ("777-3", "10*9/L", 150, 450), ("8867-4", "/min", 55, 110), ("8480-6", "mm[Hg]", 100, 160), ("2160-0", "umol/L", 50, 120),
    ];

    public static byte[] Create()
    {
        var random = new Random(20251201);
        var resources = new List<JsonObject> { Patient() };
        resources.Add(Condition("cd", "34000006", "http://snomed.info/sct", "2014-05-01"));
        for (int i = 1; i < 30; i++)
        {
            string code = string.Create(CultureInfo.InvariantCulture, $"Z{10 + (i % 80)}.{i % 9}");
            resources.Add(Condition($"c{i}", code, "http://hl7.org/fhir/sid/icd-10-cm", Day(random.Next(0, 3000))));
        }

        resources.Add(Statement("ifx", "191831", "stopped", Day(0), Day(420), "secondary-loss-of-response"));
        resources.Add(Statement("ust", "847083", "stopped", Day(450), Day(600), "primary-non-response"));
        for (int i = 2; i < 40; i++)
        {
            string drug = Drugs[3 + (i % (Drugs.Length - 3))];
            resources.Add(Statement($"ms{i}", drug, i % 4 == 0 ? "active" : "completed", Day(random.Next(0, 3000)), null, null));
        }

        for (int i = 0; i < 20; i++)
        {
            resources.Add(Request($"mr{i}", Drugs[3 + (i % (Drugs.Length - 3))], Day(random.Next(0, 3000))));
        }

        for (int i = 0; i < 400; i++)
        {
            var (loinc, unit, low, high) = Labs[i % Labs.Length];
            resources.Add(Lab($"o{i}", loinc, unit, Math.Round(low + (random.NextDouble() * (high - low)), 1), Day(3000 - (i * 7))));
        }

        for (int i = 0; i < 10; i++)
        {
            resources.Add(Procedure($"p{i}", i % 2 == 0 ? "73761001" : "174041007", Day(random.Next(0, 3000))));
        }

        return Body(resources);
    }

    private static byte[] Body(List<JsonObject> resources)
    {
        JsonNode SearchSet(string type) => new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["entry"] = new JsonArray(resources.Where(r => (string?)r["resourceType"] == type)
                .Select(r => (JsonNode)new JsonObject { ["fullUrl"] = $"https://ehr.example.org/fhir/{type}/{r["id"]}", ["resource"] = r.DeepClone() })
                .ToArray()),
        };
        var request = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/bench-clinician", ["patientId"] = PatientId },
            ["prefetch"] = new JsonObject
            {
                ["patient"] = resources[0].DeepClone(),
                ["conditions"] = SearchSet("Condition"),
                ["medicationStatements"] = SearchSet("MedicationStatement"),
                ["medicationRequests"] = SearchSet("MedicationRequest"),
                ["observations"] = SearchSet("Observation"),
                ["procedures"] = SearchSet("Procedure"),
            },
        };
        return System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
    }

    private static JsonObject Patient() => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = PatientId,
        ["gender"] = "female",
        ["birthDate"] = "1985-03-02",
    };

    private static JsonObject Condition(string id, string code, string system, string onset) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = id,
        ["clinicalStatus"] = Coded("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        ["verificationStatus"] = Coded("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
        ["code"] = Coded(system, code),
        ["subject"] = Subject(),
        ["onsetDateTime"] = onset,
    };

    private static JsonObject Statement(string id, string rxnorm, string status, string start, string? end, string? outcome)
    {
        var period = new JsonObject { ["start"] = start };
        if (end is not null)
        {
            period["end"] = end;
        }

        var statement = new JsonObject
        {
            ["resourceType"] = "MedicationStatement",
            ["id"] = id,
            ["status"] = status,
            ["medicationCodeableConcept"] = Coded("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm),
            ["subject"] = Subject(),
            ["effectivePeriod"] = period,
        };
        if (outcome is not null)
        {
            statement["statusReason"] = new JsonArray(Coded("http://refractorycds.org/fhir/CodeSystem/therapy-outcome", outcome));
        }

        return statement;
    }

    private static JsonObject Request(string id, string rxnorm, string authoredOn) => new()
    {
        ["resourceType"] = "MedicationRequest",
        ["id"] = id,
        ["status"] = "active",
        ["intent"] = "order",
        ["medicationCodeableConcept"] = Coded("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm),
        ["subject"] = Subject(),
        ["authoredOn"] = authoredOn,
    };

    private static JsonObject Lab(string id, string loinc, string unit, double value, string when) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = id,
        ["status"] = "final",
        ["category"] = new JsonArray(Coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")),
        ["code"] = Coded("http://loinc.org", loinc),
        ["subject"] = Subject(),
        ["effectiveDateTime"] = when,
        ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = unit, ["system"] = "http://unitsofmeasure.org", ["code"] = unit },
    };

    private static JsonObject Procedure(string id, string snomed, string when) => new()
    {
        ["resourceType"] = "Procedure",
        ["id"] = id,
        ["status"] = "completed",
        ["code"] = Coded("http://snomed.info/sct", snomed),
        ["subject"] = Subject(),
        ["performedDateTime"] = when,
    };

    private static JsonObject Coded(string system, string code) => new()
    {
        ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }),
    };

    private static JsonObject Subject() => new() { ["reference"] = $"Patient/{PatientId}" };

    private static string Day(int offset) => Start.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
