using System.Net;
using System.Text;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>The demo endpoint's write path for orders (<c>Demo:AllowWrites</c>), and its limits.</summary>
public sealed class DemoFhirWriteTests : IAsyncLifetime
{
    private const string Order = """
        {"resourceType":"MedicationRequest","status":"draft","intent":"proposal",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"354770","display":"vedolizumab"}]},
         "subject":{"reference":"Patient/crohns-v1"}}
        """;

    private DemoFhirHost _host = null!;

    public async Task InitializeAsync() => _host = await DemoFhirHost.StartAsync(new Dictionary<string, string?> { ["Demo:AllowWrites"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_Order_IsStoredWithAnIdAndFoundBySearchUntilDeleted()
    {
        using var created = await _host.Client.PostAsync(new Uri("fhir/MedicationRequest", UriKind.Relative), Json(Order));
        var stored = await DemoFhirHost.ReadAsync<MedicationRequest>(created, HttpStatusCode.Created);

        Assert.StartsWith("demo-", stored.Id, StringComparison.Ordinal);
        Assert.Equal($"/fhir/MedicationRequest/{stored.Id}", created.Headers.Location!.ToString());
        Assert.NotNull(stored.Meta?.LastUpdated);
        var drafts = await _host.SearchAsync("fhir/MedicationRequest?patient=crohns-v1&status=draft");
        Assert.Equal([stored.Id!], DemoFhirHost.Ids(drafts));

        using var deleted = await _host.Client.DeleteAsync(new Uri($"fhir/MedicationRequest/{stored.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(DemoFhirHost.Ids(await _host.SearchAsync("fhir/MedicationRequest?patient=crohns-v1&status=draft")));
    }

    [Fact]
    public async Task Metadata_SaysWhichTypesMayBeWritten()
    {
        using var response = await _host.Client.GetAsync(new Uri("fhir/metadata", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var interactions = json.RootElement.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().ToDictionary(
            r => r.GetProperty("type").GetString()!,
            r => r.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList());
        Assert.Equal(["read", "search-type", "create", "update", "delete"], interactions["MedicationRequest"]);
        Assert.Equal(["read", "search-type", "create", "update", "delete"], interactions["ServiceRequest"]);
        Assert.Equal(["read", "search-type"], interactions["Observation"]);
        Assert.DoesNotContain("Read-only", json.RootElement.GetProperty("implementation").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_ForgetsWrites()
    {
        using var created = await _host.Client.PostAsync(new Uri("fhir/MedicationRequest", UriKind.Relative), Json(Order));
        var stored = await DemoFhirHost.ReadAsync<MedicationRequest>(created, HttpStatusCode.Created);

        ((CdsHooks.Service.Demo.DemoFhirStore)_host.Services.GetService(typeof(CdsHooks.Service.Demo.DemoFhirStore))!).Reset();

        using var read = await _host.Client.GetAsync(new Uri($"fhir/MedicationRequest/{stored.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("fhir/Observation", """{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/crohns-v1"}}""", HttpStatusCode.MethodNotAllowed)]
    [InlineData("fhir/MedicationRequest", """{"resourceType":"MedicationRequest","status":"draft","intent":"order","subject":{"reference":"Patient/nobody"}}""", HttpStatusCode.BadRequest)]
    [InlineData("fhir/ServiceRequest", Order, HttpStatusCode.BadRequest)]
    [InlineData("fhir/MedicationRequest", """{"resourceType":""", HttpStatusCode.BadRequest)]
    public async Task Create_OutsideTheOrderPath_IsRefusedWithAnOperationOutcome(string url, string body, HttpStatusCode status)
    {
        using var response = await _host.Client.PostAsync(new Uri(url, UriKind.Relative), Json(body));

        var outcome = await DemoFhirHost.ReadAsync<OperationOutcome>(response, status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Issue![0].Diagnostics));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/fhir+json");
}
