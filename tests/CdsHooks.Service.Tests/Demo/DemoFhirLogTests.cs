using CdsHooks.Testing.Seeds;
using System.Net;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>The demo endpoint logs counts and codes, never patient ids or query strings.</summary>
public sealed class DemoFhirLogTests
{
    [Fact]
    public async Task Logs_CountsAndCodes_NeverPatientIdsOrQueries()
    {
        var logs = new RecordingLoggerProvider();
        await using (var host = await DemoFhirHost.StartAsync(logs: logs))
        {
            await host.SearchAsync("fhir/Observation?patient=crohns-v1&code=1988-5");
            await host.GetAsync<Patient>("fhir/Patient/crohns-v1");
            using var notFound = await host.Client.GetAsync("fhir/Patient/crohns-v1-nobody");
            using var badDate = await host.Client.GetAsync("fhir/Condition?patient=crohns-v1&onset-date=2023-13");
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        }

        var demo = logs.Entries.Where(e => e.Category.StartsWith("CdsHooks.Service.Demo", StringComparison.Ordinal)).ToList();
        int patients = SeedPatients.ById.Count;
        int resources = SeedPatients.ById.Values.Sum(p => p.Resources.Count + 1);
        Assert.Contains(demo, e => e.EventId.Id == 1100 && e.Message == $"Demo FHIR data loaded: {patients} patients, {resources} resources, dates shifted to today: True");
        Assert.Contains(demo, e => e.EventId.Id == 1103 && e.Message == $"Demo FHIR request rejected with 404 {DemoFhirErrorCodes.NotFound}");
        Assert.Contains(demo, e => e.EventId.Id == 1103 && e.Message == $"Demo FHIR request rejected with 400 {DemoFhirErrorCodes.InvalidValue}");
        Assert.All(demo, e => Assert.InRange(e.EventId.Id, 1100, 1199));
        // ASP.NET Core's own request logging (Information) carries the URL; the host keeps Microsoft.AspNetCore at Warning.
        Assert.DoesNotContain(demo, e => e.Message.Contains("crohns-v1", StringComparison.Ordinal) || e.Message.Contains("1988-5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnservedTypesInABundle_AreSkippedWithAWarning()
    {
        var logs = new RecordingLoggerProvider();
        var bundle = EdgePatients.Bundle.Replace(
            "\"entry\": [",
            "\"entry\": [ { \"resource\": { \"resourceType\": \"Encounter\", \"id\": \"enc-1\", \"status\": \"finished\" } },",
            StringComparison.Ordinal);
        using var edge = EdgePatients.Create(bundle: bundle);
        await using var host = await DemoFhirHost.StartAsync(new Dictionary<string, string?> { ["Demo:PatientsDirectory"] = edge.Directory }, logs: logs);

        using var read = await host.Client.GetAsync("fhir/Encounter/enc-1");

        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1101 && e.Level == LogLevel.Warning
            && e.Message == "Demo FHIR data holds 1 Encounter resources, a type the demo endpoint does not serve; they are skipped");
    }
}
