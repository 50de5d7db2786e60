using System.Net;
using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Service.Demo;

namespace CdsHooks.Service.Tests.Demo;

public sealed class DemoFhirEndpointsTests(DemoFhirFixture fixture) : IClassFixture<DemoFhirFixture>
{
    private readonly DemoFhirHost _host = fixture.Shifted;

    [Fact]
    public async Task Metadata_ReturnsCapabilityStatementWithTypesAndSearchParameters()
    {
        var statement = await _host.GetAsync<OtherResource>("fhir/metadata");

        Assert.Equal("CapabilityStatement", statement.ResourceType);
        var json = JsonDocument.Parse(FhirJson.Serialize(statement)).RootElement;
        Assert.Equal("instance", json.GetProperty("kind").GetString());
        Assert.Equal("4.0.1", json.GetProperty("fhirVersion").GetString());
        Assert.Equal("2026-06-15", json.GetProperty("date").GetString());
        Assert.Contains("json", json.GetProperty("format").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(new Uri(_host.Client.BaseAddress!, "fhir").ToString(), json.GetProperty("implementation").GetProperty("url").GetString());
        var resources = json.GetProperty("rest")[0].GetProperty("resource").EnumerateArray()
            .ToDictionary(r => r.GetProperty("type").GetString()!, r => r.GetProperty("searchParam").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList());
        Assert.Equal(["Condition", "MedicationRequest", "MedicationStatement", "Observation", "Patient", "Procedure", "ServiceRequest"], resources.Keys.Order());
        Assert.Equal(["_id", "_lastUpdated", "category", "code", "date", "patient", "status", "subject"], resources["Observation"]);
        Assert.Contains("onset-date", resources["Condition"]);
        Assert.Contains("recorded-date", resources["Condition"]);
        Assert.Contains("authoredon", resources["MedicationRequest"]);
        Assert.Contains("effective", resources["MedicationStatement"]);

        // Writes are off here, so every type says read and search only.
        Assert.StartsWith("Read-only", json.GetProperty("implementation").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.All(json.GetProperty("rest")[0].GetProperty("resource").EnumerateArray(), r => Assert.Equal(
            ["read", "search-type"], r.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString())));
    }

    [Fact]
    public async Task Read_KnownResource_ReturnsIt()
    {
        var patient = await _host.GetAsync<Patient>("fhir/Patient/crohns-v3");
        var condition = await _host.GetAsync<Condition>("fhir/Condition/crohns-v3-cond-cd");

        Assert.Equal("crohns-v3", patient.Id);
        Assert.Equal("Crohns-V3", patient.Name![0].Family);
        Assert.Equal("Patient/crohns-v3", condition.Subject!.ReferenceValue);
        Assert.Equal("34000006", condition.Code!.Coding![0].Code);
    }

    [Theory]
    [InlineData("fhir/Patient/no-such-patient")]
    [InlineData("fhir/Observation/crohns-v3-cond-cd")] // an id that exists, under another type
    public async Task Read_UnknownId_Returns404WithOperationOutcome(string url)
    {
        using var response = await _host.Client.GetAsync(url);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.NotFound, "not-found", DemoFhirErrorCodes.NotFound);
        Assert.Contains("is not a known demo resource", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fhir/Encounter")]
    [InlineData("fhir/Encounter/e1")]
    [InlineData("fhir/patient/crohns-v3")] // FHIR type names are case-sensitive
    [InlineData("fhir/Flag/_search")]
    public async Task UnknownType_Returns400NamingItAndListingSupportedTypes(string url)
    {
        using var response = await _host.Client.GetAsync(url);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.BadRequest, "not-supported", DemoFhirErrorCodes.UnsupportedType);
        Assert.Contains($"'{url.Split('/')[1]}'", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, ServiceRequest", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "fhir/Patient/crohns-v3", "GET")]
    [InlineData("DELETE", "fhir/Patient/crohns-v3", "GET")]
    [InlineData("PATCH", "fhir/Observation/crohns-v3-obs-crp", "GET")]
    [InlineData("POST", "fhir/Patient", "GET")]
    [InlineData("POST", "fhir", "GET")]
    [InlineData("PUT", "fhir/Observation/_search", "GET, POST")]
    [InlineData("POST", "fhir/metadata", "GET")]
    public async Task WriteMethods_Return405WithOperationOutcome(string method, string url, string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("""{"resourceType":"Patient"}""") };
        using var response = await _host.Client.SendAsync(request);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.MethodNotAllowed, "not-supported", DemoFhirErrorCodes.MethodNotAllowed);
        Assert.Contains("read-only", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("fhir")]
    [InlineData("fhir/Patient/crohns-v3/_history")]
    public async Task OtherGetPaths_Return400ListingTheInteractions(string url)
    {
        using var response = await _host.Client.GetAsync(url);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.BadRequest, "not-supported", DemoFhirErrorCodes.MethodNotAllowed);
        Assert.Contains("POST [base]/[type]/_search", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json+fhir")]
    [InlineData("application/fhir+xml")]
    [InlineData("text/html")]
    [InlineData("*/*")]
    public async Task AnyAcceptHeader_IsAnsweredWithFhirJson(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/crohns-v1");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _host.Client.SendAsync(request);

        var patient = await DemoFhirHost.ReadAsync<Patient>(response, HttpStatusCode.OK);
        Assert.Equal("crohns-v1", patient.Id);
    }

    [Theory]
    [InlineData("false")]
    [InlineData(null)] // not configured: off by default
    public async Task Disabled_MapsNothing(string? enabled)
    {
        await using var host = await DemoFhirHost.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = enabled,
            ["Demo:PatientsDirectory"] = Path.Combine(Path.GetTempPath(), "no-such-demo-directory"),
        });

        using var metadata = await host.Client.GetAsync("fhir/metadata");
        using var read = await host.Client.GetAsync("fhir/Patient/crohns-v1");

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, metadata.Content.Headers.ContentLength ?? 0);
    }
}
