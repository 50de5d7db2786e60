using System.Net;
using System.Text.Json.Nodes;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Security;

/// <summary>The Entra ID scheme beside the CDS client scheme, against a local identity provider on loopback.</summary>
public sealed class EntraAuthenticationTests : IAsyncLifetime
{
    private const string Audience = "api://refractory-cds";
    private const string Role = "CdsHooks.Invoke";
    private IdentityProviderServer _idp = null!;
    private AuthenticatedApp _auth = null!;

    public async Task InitializeAsync()
    {
        _idp = await IdentityProviderServer.StartAsync();
        _auth = await AuthenticatedApp.StartAsync(new Dictionary<string, string?>
        {
            ["Authentication:Entra:Enabled"] = "true",
            ["Authentication:Entra:Authority"] = _idp.Authority,
            ["Authentication:Entra:Audience"] = Audience,
            ["Authentication:Entra:RequiredRoles:0"] = Role,
        }, services => services.Configure<JwtBearerOptions>("Entra", o => o.BackchannelHttpHandler = _idp.TrustingHandler()));
    }

    public async Task DisposeAsync()
    {
        await _auth.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task EntraToken_WithAudienceAndRole_IsAccepted_AndAuditedWithItsTenant()
    {
        var response = await _auth.InvokeAsync(EntraToken());
        Assert.True(response.IsSuccessStatusCode, _auth.App.Logs.Text[^Math.Min(3000, _auth.App.Logs.Text.Length)..]);
        await HttpAssert.CdsResponseAsync(response);

        var row = Assert.Single(await _auth.App.Services.GetRequiredService<IAuditTrail>().RecentAsync(5, CancellationToken.None));
        Assert.Equal(_idp.Authority, row.ClientIssuer);
        Assert.Equal(IdentityProviderServer.TenantId, row.ClientTenant);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("missing-role")]
    [InlineData("expired")]
    [InlineData("other-signing-key")]
    [InlineData("other-issuer")]
    public async Task EntraToken_Bad_Is401WithoutDetail(string scenario)
    {
        string token = scenario switch
        {
            "wrong-audience" => EntraToken(claims => claims["aud"] = "api://something-else"),
            "missing-role" => EntraToken(claims => claims["roles"] = new JsonArray("Other.Role")),
            "expired" => EntraToken(claims => claims["exp"] = _auth.Now.AddMinutes(-5).ToUnixTimeSeconds()),
            "other-issuer" => EntraToken(claims => claims["iss"] = "https://login.example.net/other/v2.0"),
            _ => EntraToken(signWith: TestSigningKey.Rs(_idp.SigningKey.Kid, "RS256")),
        };

        var response = await _auth.InvokeAsync(token);

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(CdsHooks.Service.Security.UnauthorizedResponse.Diagnostics, issue.GetProperty("diagnostics").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(token.Split('.')[1], _auth.App.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CdsClientTokens_StillWork_BesideEntra()
    {
        await HttpAssert.CdsResponseAsync(await _auth.InvokeAsync(_auth.Token().Sign(_auth.InlineKey)));
    }

    private string EntraToken(Action<JsonObject>? change = null, TestSigningKey? signWith = null)
    {
        var key = signWith ?? _idp.SigningKey;
        var jwt = new Jwt();
        jwt.Header["alg"] = "RS256";
        jwt.Header["typ"] = "JWT";
        jwt.Header["kid"] = key.Kid;
        jwt.Claims["iss"] = _idp.Authority;
        jwt.Claims["aud"] = Audience;
        jwt.Claims["tid"] = IdentityProviderServer.TenantId;
        jwt.Claims["azp"] = "ehr-integration-app";
        jwt.Claims["roles"] = new JsonArray(Role);
        jwt.Claims["iat"] = _auth.Now.ToUnixTimeSeconds();
        jwt.Claims["nbf"] = _auth.Now.ToUnixTimeSeconds();
        jwt.Claims["exp"] = _auth.Now.AddHours(1).ToUnixTimeSeconds();
        change?.Invoke(jwt.Claims);
        return jwt.Sign(key);
    }
}
