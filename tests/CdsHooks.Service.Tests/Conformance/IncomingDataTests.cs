using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Conformance;

/// <summary>
/// Prefetched data that fails its profile, through the real host: it never fails the call; with
/// <c>Conformance:IncomingData</c> SetAside (the default) the criterion it feeds is unknown and the card names it,
/// with Off the resource is used as before.
/// </summary>
public sealed class IncomingDataTests
{
    private const string Service = "/cds-services/refractory-patient-view";
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    [Fact]
    public async Task Post_PrefetchedTherapyFailingItsProfile_IsSetAsideAndNamedOnTheStatusCard()
    {
        await using var app = new CdsHooksApp(now: Seed.EvaluationTime);

        var record = await StatusRecordAsync(app);

        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString()!.StartsWith(
            "MedicationStatement/crohns-v1-ms-ust (ustekinumab) was set aside: it does not conform to refractory-medication-statement (MedicationStatement.effectiveDateTime:",
            StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains(" 2301 ", StringComparison.Ordinal) && l.Contains("1 failed their profile (mode SetAside)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SameRequestWithCheckingOff_UsesTheResource()
    {
        await using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Conformance:IncomingData"] = "Off" }, Seed.EvaluationTime);

        var record = await StatusRecordAsync(app);

        Assert.Equal("refractory", record.GetProperty("status").GetString());
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(" 2301 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_UnknownMode_FailsStartup()
    {
        await using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Conformance:IncomingData"] = "Strict" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Strict", error.ToString(), StringComparison.Ordinal);
    }

    // Ustekinumab, primary non-response, recorded with a date instead of a period.
    private static async Task<JsonElement> StatusRecordAsync(CdsHooksApp app)
    {
        var statements = SeedPrefetch.SearchSet(SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "MedicationStatement").Select(r =>
        {
            if (r["id"]!.GetValue<string>() == "crohns-v1-ms-ust")
            {
                r.AsObject().Remove("effectivePeriod");
                r["effectiveDateTime"] = "2022-08-01";
            }

            return r;
        }));
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed, "medicationStatements").WithPrefetch("medicationStatements", statements);

        var body = await HttpAssert.CdsResponseAsync(await app.PostJsonAsync(Service, request.ToJson()));

        return HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");
    }
}
