using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Conformance;

/// <summary>
/// Prefetched resources are checked as the EHR sent them, through the real host: an empty array (invalid FHIR JSON,
/// which the typed model drops) sets the therapy aside, where checking the resource written back would not see it.
/// </summary>
public sealed class IncomingDataAsReceivedTests
{
    private const string Service = "/cds-services/refractory-patient-view";
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    [Fact]
    public async Task Post_PrefetchedTherapyWithAnEmptyArray_IsSetAsideForWhatWasSent()
    {
        await using var app = new CdsHooksApp(now: Seed.EvaluationTime);
        var statements = SeedPrefetch.SearchSet(SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "MedicationStatement").Select(r =>
        {
            if (r["id"]!.GetValue<string>() == "crohns-v1-ms-ust")
            {
                r["derivedFrom"] = new JsonArray();
            }

            return r;
        }));
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed, "medicationStatements").WithPrefetch("medicationStatements", statements);

        var body = await HttpAssert.CdsResponseAsync(await app.PostJsonAsync(Service, request.ToJson()));
        var record = HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");

        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString()!.StartsWith(
            "MedicationStatement/crohns-v1-ms-ust (ustekinumab) was set aside: it does not conform to refractory-medication-statement (MedicationStatement.derivedFrom:",
            StringComparison.Ordinal));
    }
}
