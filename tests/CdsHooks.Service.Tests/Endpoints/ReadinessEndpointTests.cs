using System.Net;
using System.Text;
using System.Text.Json;
using CdsHooks.Service.Tests.Fakes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary><c>POST /readiness</c> through the real host: from a Bundle, from a FHIR server, and the errors it answers.</summary>
public sealed class ReadinessEndpointTests : IAsyncLifetime
{
    private static readonly SeedPatient Seed = SeedPatients.Get("sle-v5");
    private readonly CdsHooksApp _app = new(now: Seed.EvaluationTime);
    private FakeFhirServer _fhir = null!;

    public async Task InitializeAsync() => _fhir = await FakeFhirServer.StartAsync(Seed);

    public async Task DisposeAsync()
    {
        await _fhir.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Post_Bundle_ReportsPerPackWithTheUncodedDrugNamed()
    {
        using var response = await _app.PostJsonAsync("/readiness", Encoding.UTF8.GetString(Seed.BundleJson), "application/fhir+json");

        var report = await ReportAsync(response);
        Assert.Equal("sle-v5", report.GetProperty("patientId").GetString());
        var sle = Pack(report, "sle");
        Assert.Equal("yes", sle.GetProperty("inScope").GetString());
        var biologic = Requirement(sle, "sle-biologic");
        Assert.Equal("present", biologic.GetProperty("status").GetString());
        Assert.Equal("MedicationStatement/sle-v5-ms-tel", biologic.GetProperty("problems")[0].GetProperty("reference").GetString());
        Assert.Equal("uncoded", biologic.GetProperty("problems")[0].GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("validation").GetProperty("invalid").GetInt32());
        Assert.Equal("no", Pack(report, "crohns-disease").GetProperty("inScope").GetString());
    }

    [Fact]
    public async Task Post_PatientIdAndFhirServer_ReadsThePatientWithThePrefetchQueries()
    {
        string body = JsonSerializer.Serialize(new { patientId = Seed.PatientId, fhirServer = _fhir.BaseUrl.ToString(), fhirAuthorization = new { access_token = "readiness-token" } });
        _fhir.RequiredToken = "readiness-token";

        using var response = await _app.PostJsonAsync("/readiness", body);

        var report = await ReportAsync(response);
        Assert.Equal(["Condition", "MedicationRequest", "MedicationStatement", "Observation", "Patient", "Procedure"], _fhir.Requests.Select(r => r.ResourceType).Order(StringComparer.Ordinal));
        Assert.Equal("present", Requirement(Pack(report, "sle"), "sle-biologic").GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task Post_FhirServerFailingForOneType_ReportsThatTypeNotRetrieved()
    {
        _fhir.Fail("Observation", 500);
        string body = JsonSerializer.Serialize(new { patientId = Seed.PatientId, fhirServer = _fhir.BaseUrl.ToString() });

        using var response = await _app.PostJsonAsync("/readiness", body);

        var report = await ReportAsync(response);
        Assert.Equal("not-retrieved", Requirement(Pack(report, "sle"), "sledai-2k").GetProperty("status").GetString());
        Assert.Equal("Observation (prefetch key 'observations') could not be retrieved: the FHIR server answered HTTP 500.", report.GetProperty("notes")[0].GetString());
    }

    [Theory]
    [InlineData("""{"resourceType": "Patient", "id": "p1"}""", "READY-001")]
    [InlineData("""{"resourceType": "Bundle", "type": "collection"}""", "READY-002")]
    [InlineData("""{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Condition", "subject": {"reference": 7}}}]}""", "READY-002")]
    [InlineData("""{"patientId": "p1", "fhirServer": "ftp://ehr.example.org/fhir"}""", "READY-003")]
    [InlineData("""{"fhirServer": "https://ehr.example.org/fhir"}""", "READY-002")]
    [InlineData("""{"resourceType": "Bundle", """, "READY-001")]
    public async Task Post_BodyItCannotUse_Answers400WithTheCode(string body, string code)
    {
        using var response = await _app.PostJsonAsync("/readiness", body);

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(code, HttpAssert.ErrorCode(issue));
    }

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Pack(JsonElement report, string id) =>
        report.GetProperty("packs").EnumerateArray().Single(p => p.GetProperty("pack").GetString() == id);

    private static JsonElement Requirement(JsonElement pack, string valueSet) =>
        pack.GetProperty("requirements").EnumerateArray().First(r => r.TryGetProperty("valueSet", out var v) && v.GetString() == valueSet);
}
