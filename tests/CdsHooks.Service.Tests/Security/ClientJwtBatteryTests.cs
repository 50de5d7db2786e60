using System.Net;
using System.Text.Json.Nodes;
using CdsHooks.Service.Security;
using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.Security;

/// <summary>
/// CDS Hooks §Trusting CDS Clients, negative cases through HTTP: every bad token gets the same 401 with no detail,
/// and the log names the reason with iss and jti but never the token.
/// </summary>
public sealed class ClientJwtBatteryTests : IAsyncLifetime
{
    private AuthenticatedApp _auth = null!;

    public static TheoryData<string, string> Cases => new()
    {
        { "no-token", "Missing" },
        { "alg-none", nameof(CdsJwtFailure.AlgorithmNotAllowed) },
        { "hs256-with-public-key", nameof(CdsJwtFailure.AlgorithmNotAllowed) },
        { "alg-not-registered-for-client", nameof(CdsJwtFailure.AlgorithmNotAllowed) },
        { "wrong-aud-host", nameof(CdsJwtFailure.WrongAudience) },
        { "feedback-aud-on-service", nameof(CdsJwtFailure.WrongAudience) },
        { "other-service-aud", nameof(CdsJwtFailure.WrongAudience) },
        { "service-aud-on-discovery", nameof(CdsJwtFailure.WrongAudience) },
        { "expired", nameof(CdsJwtFailure.Expired) },
        { "iat-in-future", nameof(CdsJwtFailure.IssuedInFuture) },
        { "nbf-in-future", nameof(CdsJwtFailure.NotYetValid) },
        { "lifetime-over-an-hour", nameof(CdsJwtFailure.LifetimeTooLong) },
        { "replayed-jti", nameof(CdsJwtFailure.Replayed) },
        { "unknown-iss", nameof(CdsJwtFailure.UnknownIssuer) },
        { "jku-outside-allowlist", nameof(CdsJwtFailure.JkuNotAllowed) },
        { "jku-climbing-out-of-prefix", nameof(CdsJwtFailure.JkuNotAllowed) },
        { "unknown-kid", nameof(CdsJwtFailure.UnknownKey) },
        { "tampered-payload", nameof(CdsJwtFailure.BadSignature) },
        { "signed-by-another-key-same-kid", nameof(CdsJwtFailure.BadSignature) },
        { "missing-kid", nameof(CdsJwtFailure.MissingKeyId) },
        { "missing-typ", nameof(CdsJwtFailure.WrongType) },
        { "missing-jti", nameof(CdsJwtFailure.MissingClaim) },
        { "missing-exp", nameof(CdsJwtFailure.MissingClaim) },
        { "wrong-tenant", nameof(CdsJwtFailure.WrongTenant) },
        { "not-a-jwt", nameof(CdsJwtFailure.Malformed) },
    };

    public async Task InitializeAsync() => _auth = await AuthenticatedApp.StartAsync();

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_WithBadToken_Is401WithoutDetail(string scenario, string loggedReason)
    {
        var (path, method, token) = await BuildAsync(scenario);

        var response = method == HttpMethod.Get
            ? await _auth.SendAsync(method, path, token)
            : path.EndsWith("/feedback", StringComparison.Ordinal)
                ? await _auth.SendAsync(method, path, token, """{"feedback":[]}""")
                : await _auth.InvokeAsync(token, path);

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(UnauthorizedResponse.Diagnostics, issue.GetProperty("diagnostics").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        string logs = _auth.App.Logs.Text;
        Assert.Contains(loggedReason == "Missing" ? "without a bearer token" : $"refused: {loggedReason}", logs, StringComparison.Ordinal);
        if (token is { Length: > 20 })
        {
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[0], logs, StringComparison.Ordinal);
        }
    }

    private async Task<(string Path, HttpMethod Method, string? Token)> BuildAsync(string scenario)
    {
        const string service = AuthenticatedApp.ServicePath;
        const string feedback = AuthenticatedApp.ServicePath + "/feedback";
        var key = _auth.InlineKey;
        var jwt = _auth.Token();
        switch (scenario)
        {
            case "no-token":
                return (service, HttpMethod.Post, null);
            case "alg-none":
                return (service, HttpMethod.Post, jwt.WithoutSignature());
            case "hs256-with-public-key":
                return (service, HttpMethod.Post, jwt.SignHs256(key.PublicPem()));
            case "alg-not-registered-for-client":
                using (var rs256 = TestSigningKey.Rs(key.Kid, "RS256"))
                {
                    jwt.Header["alg"] = "RS256";
                    return (service, HttpMethod.Post, jwt.Sign(rs256));
                }

            case "wrong-aud-host":
                jwt.Claims["aud"] = "https://other.example.org" + service;
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "feedback-aud-on-service":
                jwt.Claims["aud"] = AuthenticatedApp.Audience(feedback);
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "other-service-aud":
                jwt.Claims["aud"] = AuthenticatedApp.Audience("/cds-services/refractory-order-sign");
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "service-aud-on-discovery":
                return ("/cds-services", HttpMethod.Get, jwt.Sign(key));
            case "expired":
                jwt.Claims["iat"] = (_auth.Now - TimeSpan.FromMinutes(10)).ToUnixTimeSeconds();
                jwt.Claims["exp"] = (_auth.Now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "iat-in-future":
                jwt.Claims["iat"] = (_auth.Now + TimeSpan.FromMinutes(2)).ToUnixTimeSeconds();
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "nbf-in-future":
                jwt.Claims["nbf"] = (_auth.Now + TimeSpan.FromMinutes(2)).ToUnixTimeSeconds();
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "lifetime-over-an-hour":
                jwt.Claims["exp"] = (_auth.Now + TimeSpan.FromHours(2)).ToUnixTimeSeconds();
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "replayed-jti":
                string once = jwt.Sign(key);
                await HttpAssert.CdsResponseAsync(await _auth.InvokeAsync(once));
                return (service, HttpMethod.Post, once);
            case "unknown-iss":
                jwt.Claims["iss"] = "https://unregistered.example.org";
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "jku-outside-allowlist":
                jwt.Header["jku"] = "https://attacker.example.net/keys/jwks.json";
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "jku-climbing-out-of-prefix":
                jwt.Header["jku"] = _auth.Jwks.BaseUrl + "keys/../other/jwks.json";
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "unknown-kid":
                jwt.Header["kid"] = "no-such-key";
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "tampered-payload":
                string signed = jwt.Sign(key);
                var tampered = Jwt.ForClient(key, AuthenticatedApp.Issuer, AuthenticatedApp.Audience(service), _auth.Now);
                tampered.Claims["jti"] = jwt.Claims["jti"]!.GetValue<string>();
                tampered.Claims["sub"] = "admin";
                string[] parts = signed.Split('.');
                string forged = tampered.Sign(key).Split('.')[1];
                return (service, HttpMethod.Post, $"{parts[0]}.{forged}.{parts[2]}");
            case "signed-by-another-key-same-kid":
                using (var impostor = TestSigningKey.Es384(key.Kid))
                {
                    return (service, HttpMethod.Post, jwt.Sign(impostor));
                }

            case "missing-kid":
                jwt.Header.Remove("kid");
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "missing-typ":
                jwt.Header.Remove("typ");
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "missing-jti":
                jwt.Claims.Remove("jti");
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "missing-exp":
                jwt.Claims.Remove("exp");
                return (service, HttpMethod.Post, jwt.Sign(key));
            case "wrong-tenant":
                var tenantJwt = Jwt.ForClient(_auth.UrlKey, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience(service), _auth.Now);
                tenantJwt.Claims["tenant"] = "hospital-b";
                return (service, HttpMethod.Post, tenantJwt.Sign(_auth.UrlKey));
            case "not-a-jwt":
                return (service, HttpMethod.Post, "not.a.jwt-at-all");
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }
}
