using System.Net;
using System.Text.Json;
using CdsHooks.Protocol.Prefetch;
using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>CDS Hooks §Discovery through the real host, and CORS for browser-based clients such as the sandbox.</summary>
public sealed class DiscoveryTests(DiscoveryTests.Host host) : IClassFixture<DiscoveryTests.Host>
{
    [Fact]
    public async Task Get_Discovery_ListsAServiceForEachOrderAndViewHook()
    {
        var services = await GetServicesAsync();

        Assert.Equal(["order-select", "order-sign", "patient-view"], services.Select(s => s.GetProperty("hook").GetString()).Order(StringComparer.Ordinal));
        Assert.All(services, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("description").GetString()));
            Assert.Equal("2.0.1", s.GetProperty("version").GetString());
        });
    }

    [Fact]
    public async Task Get_Discovery_PrefetchTemplatesStayWithinTheQueryRestrictions()
    {
        var services = await GetServicesAsync();

        foreach (var service in services)
        {
            var prefetch = service.GetProperty("prefetch").EnumerateObject().ToList();
            Assert.Equal(["patient", "conditions", "medicationStatements", "medicationRequests", "observations", "procedures"], prefetch.Select(p => p.Name));
            foreach (var template in prefetch.Select(p => p.Value.GetString()!))
            {
                Assert.Empty(PrefetchTemplateLint.Lint(template));
                Assert.DoesNotContain("sort:", template, StringComparison.Ordinal);
                Assert.Contains("{{context.patientId}}", template, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Get_Discovery_NamesTheKnowledgePacksLoaded()
    {
        var services = await GetServicesAsync();

        var packs = services[0].GetProperty("extension").GetProperty("org.refractorycds.packs").EnumerateArray().ToList();
        Assert.Contains(packs, p => p.GetProperty("id").GetString() == "crohns-disease" && p.GetProperty("version").GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task Get_Discovery_FromAnotherOrigin_IsAllowedByCors()
    {
        using var client = host.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Options_PreflightForAServiceCall_IsAnsweredWithTheCorsHeaders()
    {
        using var client = host.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services/refractory-patient-view");
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        string allowedHeaders = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("Authorization", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type", allowedHeaders, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Discovery_WithOriginsConfigured_AllowsOnlyThose()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["CdsHooks:CorsOrigins:0"] = "https://ehr.example.org" });
        using var client = app.CreateClient();

        async Task<string?> AllowedOriginFor(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
            request.Headers.Add("Origin", origin);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://ehr.example.org", await AllowedOriginFor("https://ehr.example.org"));
        Assert.Null(await AllowedOriginFor("https://elsewhere.example.com"));
    }

    [Fact]
    public async Task Get_Health_AnswersHealthy()
    {
        using var client = host.App.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<JsonElement>> GetServicesAsync()
    {
        using var client = host.App.CreateClient();
        var response = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("services").EnumerateArray().Select(s => s.Clone()).ToList();
    }

    /// <summary>One host for the class.</summary>
    public sealed class Host : IDisposable
    {
        public CdsHooksApp App { get; } = new();

        public void Dispose() => App.Dispose();
    }
}
