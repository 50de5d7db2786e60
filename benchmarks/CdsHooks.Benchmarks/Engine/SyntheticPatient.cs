using System.Globalization;
using System.Text;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Benchmarks.Engine;

/// <summary>
/// A deterministic synthetic Crohn's patient with N resources of each type (Conditions, MedicationStatements,
/// Observations, Procedures): realistic codes and dates, built from FHIR JSON like real prefetch.
/// </summary>
internal static class SyntheticPatient
{
    private static readonly string[] Drugs = ["191831", "327361", "1538097", "847083", "1928588", "2196092", "1256", "6851", "8640"];
    private static readonly string[] Outcomes = ["secondary-loss-of-response", "primary-non-response", "intolerance", "response"];
    private static readonly (string Code, string Unit, double Low, double High)[] Labs =
        [("1988-5", "mg/L", 1, 60), ("38445-3", "ug/g", 20, 2000), ("1751-7", "g/L", 25, 45), ("718-7", "g/dL", 9, 15), ("777-3", "10*9/L", 150, 450)];

    public static (Patient Patient, IReadOnlyList<Resource> Resources) Create(int perType, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var resources = new List<Resource>();
        var patient = Parse<Patient>("""{"resourceType":"Patient","id":"bench","gender":"female","birthDate":"1985-03-02"}""");
        resources.Add(Parse<Condition>("""
            {"resourceType":"Condition","id":"cd","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"34000006"},{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K50.80"}]},"subject":{"reference":"Patient/bench"},"onsetDateTime":"2014-05-01"}
            """));
        for (int i = 1; i < perType; i++)
        {
            resources.Add(Parse<Condition>($$"""
                {"resourceType":"Condition","id":"c{{i}}","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"{{(i % 3 == 0 ? "resolved" : "active")}}"}]},
                 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"Z{{(10 + (i % 80)).ToString(CultureInfo.InvariantCulture)}}.{{(i % 9).ToString(CultureInfo.InvariantCulture)}}"}]},"subject":{"reference":"Patient/bench"},"onsetDateTime":"{{Day(start, random.Next(0, 3000))}}"}
                """));
        }

        for (int i = 0; i < perType; i++)
        {
            int offset = i * 3000 / Math.Max(perType, 1);
            string status = i == perType - 1 ? "active" : "stopped";
            string end = status == "active" ? "" : $",\"end\":\"{Day(start, offset + 120)}\"";
            string reason = status == "active" ? "" : $$""","statusReason":[{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/therapy-outcome","code":"{{Outcomes[i % Outcomes.Length]}}"}]}]""";
            resources.Add(Parse<MedicationStatement>($$"""
                {"resourceType":"MedicationStatement","id":"m{{i}}","status":"{{status}}"{{reason}},
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{Drugs[i % Drugs.Length]}}"}]},
                 "subject":{"reference":"Patient/bench"},"effectivePeriod":{"start":"{{Day(start, offset)}}"{{end}}} }
                """));
        }

        for (int i = 0; i < perType; i++)
        {
            var (code, unit, low, high) = Labs[i % Labs.Length];
            double value = Math.Round(low + (random.NextDouble() * (high - low)), 1);
            resources.Add(Parse<Observation>($$"""
                {"resourceType":"Observation","id":"o{{i}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{code}}"}]},
                 "subject":{"reference":"Patient/bench"},"effectiveDateTime":"{{Day(start, 3650 - (i * 3650 / Math.Max(perType, 1)))}}",
                 "valueQuantity":{"value":{{value.ToString(CultureInfo.InvariantCulture)}},"unit":"{{unit}}","system":"http://unitsofmeasure.org","code":"{{unit}}"} }
                """));
        }

        for (int i = 0; i < perType; i++)
        {
            resources.Add(Parse<Procedure>($$"""
                {"resourceType":"Procedure","id":"p{{i}}","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"{{(i % 2 == 0 ? "301784005" : "789778002")}}"}]},
                 "subject":{"reference":"Patient/bench"},"performedDateTime":"{{Day(start, random.Next(0, 3600))}}"}
                """));
        }

        return (patient, resources);
    }

    private static string Day(DateTime start, int days) => start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Parse<T>(string json) where T : Resource => (T)FhirJson.DeserializeResource(Encoding.UTF8.GetBytes(json));
}
