using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Security;

/// <summary>
/// A stand-in for Entra ID on 127.0.0.1 (https with a certificate made at test time): OpenID metadata and JWKS for
/// a tenant, and a client-credentials token endpoint that hands out <see cref="AccessToken"/>.
/// </summary>
public sealed class IdentityProviderServer : IAsyncDisposable
{
    /// <summary>The tenant id in the paths and in <c>tid</c>.</summary>
    public const string TenantId = "0b5e9b6e-1111-4c5e-9a57-5d2f0f6c0a11";

    private readonly WebApplication _app;
    private int _tokenRequests;

    private IdentityProviderServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The server root (https).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The v2.0 authority, which is also the issuer of its tokens.</summary>
    public string Authority => $"{BaseUrl}{TenantId}/v2.0";

    /// <summary>The server's self-signed certificate, trusted only by clients that are told to.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The signing key its JWKS publishes.</summary>
    public TestSigningKey SigningKey { get; } = TestSigningKey.Rs("entra-key-1", "RS256");

    /// <summary>The access token the token endpoint hands out.</summary>
    public string AccessToken { get; set; } = "backend-access-token-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How many client-credentials token requests arrived.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Starts the server.</summary>
    public static async Task<IdentityProviderServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new IdentityProviderServer(app, certificate);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = server.Authority,
            ["jwks_uri"] = $"{server.BaseUrl}{TenantId}/discovery/v2.0/keys",
            ["token_endpoint"] = $"{server.BaseUrl}{TenantId}/oauth2/v2.0/token",
            ["authorization_endpoint"] = $"{server.BaseUrl}{TenantId}/oauth2/v2.0/authorize",
        }.ToJsonString(), "application/json"));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Text(TestSigningKey.Jwks(server.SigningKey), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_secret"] != "backend-secret")
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_client" }, statusCode: 401);
            }

            Interlocked.Increment(ref server._tokenRequests);
            return Results.Text(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = server.AccessToken }.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>An HTTP handler that trusts this server's certificate (and only it).</summary>
    public HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Certificate.GetCertHashString() },
    };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
        SigningKey.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(60));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
