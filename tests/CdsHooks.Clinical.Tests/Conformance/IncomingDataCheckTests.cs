using System.Text.Json;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Validation;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Clinical.Tests.Conformance;

/// <summary>
/// Prefetched resources are validated as received (the JSON they were read from); resources without it are written
/// back to JSON first. On well-formed data the two give the same findings; JSON the model normalises away (an empty
/// array, here) is reported only as received.
/// </summary>
public sealed class IncomingDataCheckTests
{
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    [Fact]
    public void Apply_JsonAsReceived_ReportsWhatWritingBackHides()
    {
        using var document = JsonDocument.Parse(StatementJson("\"derivedFrom\": [], "));
        var resource = FhirJson.DeserializeResource(document.RootElement);

        var (usedAsReceived, setAside) = ConformanceFixture.Check().Apply([resource], [document.RootElement]);
        var (usedWrittenBack, _) = ConformanceFixture.Check().Apply([resource]);

        Assert.Empty(usedAsReceived);
        Assert.Equal("error FHIR-VAL-017 MedicationStatement.derivedFrom", Finding(Assert.Single(Assert.Single(setAside).Report.Issues)));
        Assert.Same(resource, Assert.Single(usedWrittenBack));
    }

    [Fact]
    public void Apply_SourcesForTheFirstResourcesOnly_WritesTheRestBack()
    {
        using var received = JsonDocument.Parse(StatementJson("\"derivedFrom\": [], "));
        using var fetched = JsonDocument.Parse(StatementJson("\"derivedFrom\": [], ").Replace("crohns-v1-ms-ust", "fetched", StringComparison.Ordinal));
        Resource[] resources = [FhirJson.DeserializeResource(received.RootElement), FhirJson.DeserializeResource(fetched.RootElement)];

        var (used, setAside) = ConformanceFixture.Check().Apply(resources, [received.RootElement]);

        Assert.Equal("MedicationStatement/crohns-v1-ms-ust", Assert.Single(setAside).Report.Reference);
        Assert.Same(resources[1], Assert.Single(used));
    }

    [Fact]
    public void Validate_DemoResourcesAsReceived_SameFindingsAsWrittenBack()
    {
        var check = ConformanceFixture.Check();
        int compared = 0;
        foreach (var seed in SeedPatients.ById.Values)
        {
            using var bundle = JsonDocument.Parse(seed.BundleJson);
            foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
            {
                var json = entry.GetProperty("resource");
                var resource = FhirJson.DeserializeResource(json);
                if (check.Validate(resource, json) is not { } asReceived)
                {
                    continue;
                }

                Assert.Equal(Findings(check.Validate(resource)!), Findings(asReceived));
                compared++;
            }
        }

        Assert.True(compared > 500, $"only {compared} demo resources were compared");
    }

    private static string StatementJson(string insert)
    {
        var statement = Seed.Resources.OfType<MedicationStatement>().Single(m => m.Id == "crohns-v1-ms-ust");
        string json = FhirJson.Serialize(statement);
        return json.Insert(json.IndexOf("\"status\"", StringComparison.Ordinal), insert);
    }

    private static string Finding(OperationOutcomeIssue issue) => $"{issue.Severity} {ValidationReport.CodeOf(issue)} {issue.Expression![0]}";

    private static List<string> Findings(ValidationReport report) => report.Issues.Select(i => $"{Finding(i)} {i.Diagnostics}").ToList();
}
