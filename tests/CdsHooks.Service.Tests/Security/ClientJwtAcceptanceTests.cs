using System.Net;
using System.Text.Json;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Security;

/// <summary>Valid client tokens (ES384 inline, RS384 from a JWKS URL, an allowed jku) on every CDS endpoint; what needs none.</summary>
public sealed class ClientJwtAcceptanceTests : IAsyncLifetime
{
    private AuthenticatedApp _auth = null!;

    public async Task InitializeAsync() => _auth = await AuthenticatedApp.StartAsync();

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Fact]
    public async Task Invoke_Es384InlineKey_AnswersAndAuditsTheClient()
    {
        var jwt = _auth.Token();
        jwt.Claims["sub"] = "epic-client-id";

        var body = await HttpAssert.CdsResponseAsync(await _auth.InvokeAsync(jwt.Sign(_auth.InlineKey)));

        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
        var row = Assert.Single(await _auth.App.Services.GetRequiredService<IAuditTrail>().RecentAsync(10, CancellationToken.None));
        Assert.Equal(AuthenticatedApp.Issuer, row.ClientIssuer);
        Assert.Null(row.ClientTenant);
        Assert.Equal(200, row.Status);
    }

    [Fact]
    public async Task Invoke_Rs384FromJwksUrl_WithItsTenant_Answers()
    {
        var jwt = Jwt.ForClient(_auth.UrlKey, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience(AuthenticatedApp.ServicePath), _auth.Now);
        jwt.Claims["tenant"] = AuthenticatedApp.Tenant;
        // Epic's habit: nbf five minutes before iat.
        jwt.Claims["nbf"] = (_auth.Now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();

        await HttpAssert.CdsResponseAsync(await _auth.InvokeAsync(jwt.Sign(_auth.UrlKey)));

        var row = Assert.Single(await _auth.App.Services.GetRequiredService<IAuditTrail>().RecentAsync(10, CancellationToken.None));
        Assert.Equal(AuthenticatedApp.Tenant, row.ClientTenant);
        Assert.Equal(1, _auth.Jwks.Fetches);
    }

    [Fact]
    public async Task Invoke_KeyFromAllowedJku_Answers()
    {
        var jwt = Jwt.ForClient(_auth.JkuKey, AuthenticatedApp.Issuer, AuthenticatedApp.Audience(AuthenticatedApp.ServicePath), _auth.Now);
        jwt.Header["jku"] = _auth.Jwks.JwksUrl;

        await HttpAssert.CdsResponseAsync(await _auth.InvokeAsync(jwt.Sign(_auth.JkuKey)));
    }

    [Fact]
    public async Task Discovery_WithDiscoveryAudience_Answers()
    {
        var response = await _auth.SendAsync(HttpMethod.Get, "/cds-services", _auth.Token("/cds-services").Sign(_auth.InlineKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("services").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/feedback")]
    [InlineData("")]
    public async Task Feedback_WithFeedbackOrServiceAudience_IsStored(string audienceSuffix)
    {
        string path = AuthenticatedApp.ServicePath + "/feedback";
        string token = _auth.Token(AuthenticatedApp.ServicePath + audienceSuffix).Sign(_auth.InlineKey);
        string body = $$"""{"feedback":[{"card":"{{Guid.NewGuid()}}","outcome":"overridden","outcomeTimestamp":"2025-06-01T12:00:00Z"}]}""";

        var response = await _auth.SendAsync(HttpMethod.Post, path, token, body);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Contains("\"stored\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_WithoutToken_IsAnsweredByCors()
    {
        using var client = _auth.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(AuthenticatedApp.ServicePath, UriKind.Relative));
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutToken_Answers(string path)
    {
        var response = await _auth.SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("without a bearer token", _auth.App.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await _auth.InvokeAsync(_auth.Token().Sign(_auth.InlineKey));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
