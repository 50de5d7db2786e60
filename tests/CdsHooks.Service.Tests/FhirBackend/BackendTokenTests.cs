using CdsHooks.Service.Tests.Fakes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Service.Tests.Security;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.FhirBackend;

/// <summary>
/// A request without fhirAuthorization, for a backend FHIR server the site allows: the service gets its own token by
/// client credentials (MSAL against a local identity provider), caches it, and sends it only to that server.
/// </summary>
public sealed class BackendTokenTests : IAsyncLifetime
{
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");
    private IdentityProviderServer _idp = null!;
    private FakeFhirServer _backend = null!;
    private FakeFhirServer _other = null!;
    private CdsHooksApp _app = null!;

    public async Task InitializeAsync()
    {
        _idp = await IdentityProviderServer.StartAsync();
        _backend = await FakeFhirServer.StartAsync(Seed);
        _other = await FakeFhirServer.StartAsync(Seed);
        _backend.RequiredToken = _idp.AccessToken;
        _app = new CdsHooksApp(
            new Dictionary<string, string?>
            {
                ["FhirBackend:Enabled"] = "true",
                ["FhirBackend:Authority"] = $"{_idp.BaseUrl}{IdentityProviderServer.TenantId}/",
                ["FhirBackend:ClientId"] = "cds-service-app",
                ["FhirBackend:ClientSecret"] = "backend-secret",
                ["FhirBackend:Scopes:0"] = "https://backend.fhir.example.org/.default",
                ["FhirBackend:FhirServers:0"] = _backend.BaseUrl.ToString(),
                ["FhirBackend:ValidateAuthority"] = "false",
            },
            Seed.EvaluationTime)
        {
            ExtraServices = services => services.AddHttpClient("fhir-backend-msal").ConfigurePrimaryHttpMessageHandler(_idp.TrustingHandler),
        };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _backend.DisposeAsync();
        await _other.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task AllowedBackend_GetsTheServicesToken_AcquiredOnceAndCached()
    {
        for (int i = 0; i < 2; i++)
        {
            var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(
                "/cds-services/refractory-patient-view", CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_backend.BaseUrl).ToJson()));
            Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
        }

        Assert.NotEmpty(_backend.Requests);
        Assert.All(_backend.Requests, r => Assert.Equal($"Bearer {_idp.AccessToken}", r.Authorization));
        Assert.Equal(1, _idp.TokenRequests);
        Assert.DoesNotContain(_idp.AccessToken, _app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherFhirServer_NeverReceivesTheServicesToken()
    {
        await _app.PostJsonAsync("/cds-services/refractory-patient-view", CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_other.BaseUrl).ToJson());

        Assert.NotEmpty(_other.Requests);
        Assert.All(_other.Requests, r => Assert.Equal(string.Empty, r.Authorization));
        Assert.Equal(0, _idp.TokenRequests);
    }

    [Fact]
    public async Task EhrToken_WhenSent_IsUsedInsteadOfTheServicesOwn()
    {
        _backend.RequiredToken = "ehr-token-1234";

        await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(
            "/cds-services/refractory-patient-view", CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_backend.BaseUrl, "ehr-token-1234").ToJson()));

        Assert.All(_backend.Requests, r => Assert.Equal("Bearer ehr-token-1234", r.Authorization));
        Assert.Equal(0, _idp.TokenRequests);
    }
}
