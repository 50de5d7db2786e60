using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Clinical.Readiness;
using CdsHooks.Clinical.Tests.Conformance;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;

namespace CdsHooks.Clinical.Tests.Readiness;

public sealed class ReadinessAnalyzerTests
{
    private static ReadinessAnalyzer Analyzer(SeedPatient seed) =>
        new(ClinicalFixture.Knowledge, ConformanceFixture.Validator, ConformanceFixture.Package, new FixedTimeProvider(seed.EvaluationTime));

    // The seed's resources, each passed through change (by id) first.
    private static ReadinessReport Analyze(SeedPatient seed, Action<string, JsonNode>? change = null)
    {
        var bundle = JsonNode.Parse(seed.BundleJson)!;
        var resources = new List<JsonElement>();
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!;
            change?.Invoke(resource["id"]!.GetValue<string>(), resource);
            resources.Add(JsonSerializer.SerializeToElement(resource));
        }

        return Analyzer(seed).Analyze(seed.PatientId, resources);
    }

    // Every gap of a report: "pack valueSet: status [problem resources] [elements missing]", and unclassified resources.
    private static List<string> Gaps(ReadinessReport report) =>
        report.Packs.Where(p => p.InScope != "no")
            .SelectMany(p => p.Requirements.Where(r => r.HasGap).Select(r =>
                $"{p.Pack} {r.ValueSet}: {r.Status}"
                + string.Concat(r.Problems.Select(x => $" {x.Reference}={x.Status}"))
                + string.Concat(r.Elements.Where(e => e.Present < e.Of).Select(e => $" {e.Element}={e.Present}/{e.Of}"))))
            .Concat(report.Unclassified.Select(u => $"unclassified {u.Reference}: {u.Reason}"))
            .ToList();

    [Fact]
    public void Analyze_DemoPatientWithAnUncodedDrug_NamesExactlyThatGap()
    {
        var report = Analyze(SeedPatients.Get("sle-v5"));

        // Telitacicept is recorded as text only (no RxNorm or ATC code exists for it): a biologic the rules cannot see.
        Assert.Equal(
        [
            "sle sle-immunosuppressant-or-biologic: Present MedicationStatement/sle-v5-ms-tel=Uncoded",
            "sle sle-biologic: Present MedicationStatement/sle-v5-ms-tel=Uncoded",
            "unclassified MedicationStatement/sle-v5-ms-tel: uncoded: text only, no coding",
        ], Gaps(report));
        Assert.Equal(new ValidationSummary(18, 1, report.Validation.Issues), report.Validation);
        Assert.Equal("yes", report.Packs.Single(p => p.Pack == "sle").InScope);
        Assert.All(report.Packs.Where(p => p.Pack != "sle"), p => Assert.Equal("no", p.InScope));
    }

    [Fact]
    public void Analyze_DemoPatientWithGapsMadeOnPurpose_NamesExactlyThoseGaps()
    {
        var seed = SeedPatients.Get("crohns-v1");

        var report = Analyze(seed, (id, resource) =>
        {
            switch (id)
            {
                // 1. The IGRA result written as text, not coded: fails the coded-result profile.
                case "crohns-v1-obs-igra":
                    resource.AsObject().Remove("valueCodeableConcept");
                    resource["valueString"] = "positive";
                    break;

                // 2. Azathioprine coded in the hospital's formulary only (its display still names it): an unexpected system.
                case "crohns-v1-ms-aza":
                    resource["medicationCodeableConcept"]!["coding"]![0]!["system"] = "http://hospital.example.org/formulary";
                    resource["medicationCodeableConcept"]!["coding"]![0]!["code"] = "AZA50";
                    resource["medicationCodeableConcept"]!["coding"]!.AsArray().RemoveAt(1); // the ATC code
                    break;

                // 3. Infliximab stopped without saying why: statusReason missing.
                case "crohns-v1-ms-ifx":
                    resource.AsObject().Remove("statusReason");
                    break;
            }
        });

        Assert.Equal(
        [
            // Infliximab's outcome feeds two criteria (failed mechanisms, failed anti-TNF): both rows show it missing.
            "crohns-disease ibd-advanced-therapy: Present MedicationStatement.statusReason=1/2",
            "crohns-disease anti-tnf: Present MedicationStatement.statusReason=0/1",
            "crohns-disease immunomodulator: UnexpectedSystem MedicationStatement/crohns-v1-ms-aza=UnexpectedSystem",
            "crohns-disease tuberculosis-screening-test: FailsProfile Observation/crohns-v1-obs-igra=FailsProfile",
            "unclassified MedicationStatement/crohns-v1-ms-aza: coded only in http://hospital.example.org/formulary, which no ValueSet of the package uses; map the codes with a ConceptMap",
        ], Gaps(report));
    }

    [Fact]
    public void Analyze_ResourceTypeNotRetrieved_ReportsItsElementsAsNotRetrieved()
    {
        var seed = SeedPatients.Get("crohns-v1");
        var withoutObservations = seed.Resources.Prepend(seed.Patient).Where(r => r.ResourceType != "Observation").Select(FhirJson.SerializeToElement).ToList();

        var report = Analyzer(seed).Analyze(seed.PatientId, withoutObservations, ["Observation"], ["Observation (prefetch key 'observations') could not be retrieved: the FHIR server answered HTTP 500."]);

        var crohns = report.Packs.Single(p => p.Pack == "crohns-disease");
        Assert.All(crohns.Requirements.Where(r => r.ResourceTypes.SequenceEqual(["Observation"])), r => Assert.Equal(ReadinessStatus.NotRetrieved, r.Status));
        Assert.Equal(ReadinessStatus.Present, crohns.Requirements.First(r => r.ValueSet == "crohns-disease").Status);
        Assert.Single(report.Notes);
    }

    [Fact]
    public void Serialize_Report_UsesTheDocumentedStatusWords()
    {
        var report = Analyze(SeedPatients.Get("sle-v5"));

        string json = JsonSerializer.Serialize(report, ReadinessJsonContext.Default.ReadinessReport);

        using var document = JsonDocument.Parse(json);
        var statuses = document.RootElement.GetProperty("packs").EnumerateArray().SelectMany(p => p.GetProperty("requirements").EnumerateArray())
            .Select(r => r.GetProperty("status").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "present", "absent" }, statuses);
        Assert.Equal("uncoded", document.RootElement.GetProperty("packs").EnumerateArray().Single(p => p.GetProperty("pack").GetString() == "sle")
            .GetProperty("requirements").EnumerateArray().First(r => r.GetProperty("valueSet").GetString() == "sle-biologic")
            .GetProperty("problems")[0].GetProperty("status").GetString());
    }
}
