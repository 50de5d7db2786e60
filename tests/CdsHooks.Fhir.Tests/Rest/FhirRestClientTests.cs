using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CdsHooks.Fhir.Tests.Rest;

/// <summary>
/// <see cref="FhirRestClient"/> against a real loopback FHIR server. Split by topic into partial files;
/// this one holds the set-up and the plain reads.
/// </summary>
public sealed partial class FhirRestClientTests : IAsyncLifetime, IDisposable
{
    private const string Token = "tok-7Hq2xSECRETzz";
    private const string PatientId = "pat-4711";
    private const string ConditionSearch = $"Condition?patient={PatientId}&_sort=-date";

    private readonly CapturingLogger<FhirRestClient> _logger = new();
    private readonly HttpClient _httpClient = new();
    private readonly FhirClientOptions _options = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    };

    private LoopbackFhirServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackFhirServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _httpClient.Dispose();

    [Fact]
    public async Task ReadAsync_Patient_ReturnsResourceAndSendsFhirHeaders()
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId));

        var resource = await CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None);

        var patient = Assert.IsType<Patient>(resource);
        Assert.Equal(PatientId, patient.Id);
        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/fhir/Patient/{PatientId}", request.PathAndQuery);
        Assert.Equal("application/fhir+json, application/json;q=0.9", request.Accept);
        Assert.Equal($"Bearer {Token}", request.Authorization);
    }

    [Fact]
    public async Task ReadAsync_TargetWithoutToken_SendsNoAuthorizationHeader()
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId));

        await CreateClient().ReadAsync(Target(token: null), $"Patient/{PatientId}", CancellationToken.None);

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Theory]
    [InlineData("/Patient/pat-4711")]
    [InlineData("Patient/pat-4711")]
    public async Task ReadAsync_BaseUrlWithOrWithoutTrailingSlash_ResolvesBelowBase(string relativeUrl)
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId));
        var target = new FhirServerTarget(new Uri(_server.BaseUrl + "/"), Token);

        await CreateClient().ReadAsync(target, relativeUrl, CancellationToken.None);

        Assert.Equal($"/fhir/Patient/{PatientId}", Assert.Single(_server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("http://127.0.0.2:1/fhir/Patient/1")]
    [InlineData("https://127.0.0.2:1/fhir/Patient/1")]
    [InlineData("../admin/Patient/1")]
    public async Task ReadAsync_UrlLeavingBase_ThrowsArgumentExceptionWithoutRequest(string relativeUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().ReadAsync(Target(), relativeUrl, CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    private FhirServerTarget Target(string? token = Token) => new(_server.BaseUrl, token);

    private FhirRestClient CreateClient() => new(_httpClient, new FhirRequestPipeline(Options.Create(_options), TimeProvider.System, _logger), Options.Create(_options), TimeProvider.System, _logger);
}
