using System.Net;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Tests.Security;

/// <summary>Authentication is on unless switched off explicitly; a registry that is unsafe or unusable stops the host with a clear message.</summary>
public sealed class AuthenticationConfigurationTests
{
    [Fact]
    public void Defaults_AuthenticationIsOn_AndOnlyTheDemoEnvironmentSwitchesItOff()
    {
        string folder = Path.Combine(CdsHooks.Testing.RepoPaths.Root, "src", "CdsHooks.Service");
        var off = Directory.GetFiles(folder, "appsettings*.json")
            .Where(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.TryGetProperty("Authentication", out var a)
                && a.TryGetProperty("Enabled", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.False)
            .Select(Path.GetFileName);

        Assert.True(new CdsHooks.Service.Security.CdsAuthenticationOptions().Enabled);
        Assert.Equal(["appsettings.Demo.json"], off);
    }

    [Fact]
    public void Start_WithAuthenticationOnButNothingConfigured_FailsNamingTheSettings()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Authentication:Enabled"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Authentication:PublicBaseUrl must be the service's public http(s) base URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("no client is registered: add one under Authentication:Clients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithAnHmacAlgorithmOrAPrivateKey_Fails()
    {
        using var key = TestSigningKey.Es384("k");
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Enabled"] = "true",
            ["Authentication:PublicBaseUrl"] = "https://cds.example.org",
            ["Authentication:Clients:0:Issuer"] = "https://ehr.example.org",
            ["Authentication:Clients:0:Algorithms:0"] = "HS256",
            ["Authentication:Clients:0:AllowedJkuPrefixes:0"] = "https://ehr.example.org",
        };
        foreach (var (name, value) in key.InlineSettings(0))
        {
            settings[name] = value;
        }

        settings["Authentication:Clients:0:Jwks:Keys:0:D"] = "private";
        using var app = new CdsHooksApp(settings);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Authentication:Clients:0:Algorithms lists 'HS256'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Authentication:Clients:0:AllowedJkuPrefixes has 'https://ehr.example.org'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Authentication:Clients:0:Jwks:Keys:0 holds a private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithAuditOnButNoKey_Fails()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Audit:PatientHashKey"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Audit:PatientHashKey is required while Audit:Enabled is true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_Explicitly_ServesWithoutTokenAndWarns()
    {
        using var app = new CdsHooksApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Authentication is OFF", app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAProxyWithAPathPrefix_TheAudienceIsThePublicUrl()
    {
        await using var auth = await AuthenticatedApp.StartAsync(new Dictionary<string, string?> { ["Authentication:PublicBaseUrl"] = "https://gateway.example.org/cds/" });
        var jwt = Jwt.ForClient(auth.InlineKey, AuthenticatedApp.Issuer, "https://gateway.example.org/cds/cds-services", auth.Now);

        var response = await auth.SendAsync(HttpMethod.Get, "/cds-services", jwt.Sign(auth.InlineKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RateLimit_IsPerClientIssuer()
    {
        await using var auth = await AuthenticatedApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Burst"] = "2",
            ["RateLimiting:PermitsPerSecond"] = "1",
        });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            statuses.Add((await auth.SendAsync(HttpMethod.Get, "/cds-services", auth.Token("/cds-services").Sign(auth.InlineKey))).StatusCode);
        }

        var other = Jwt.ForClient(auth.UrlKey, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience("/cds-services"), auth.Now);
        other.Claims["tenant"] = AuthenticatedApp.Tenant;
        var otherClient = await auth.SendAsync(HttpMethod.Get, "/cds-services", other.Sign(auth.UrlKey));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(2));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Contains("exceeded its rate limit", auth.App.Logs.Text, StringComparison.Ordinal);
    }
}
