using System.Net.Http.Headers;
using System.Text;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Security;

/// <summary>
/// The real host with client authentication on: an EHR with an inline ES384 key (and a <c>jku</c> allowlist on the
/// loopback JWKS server), and a tenant-bound EHR whose RS384 key is fetched from the loopback JWKS URL.
/// </summary>
public sealed class AuthenticatedApp : IAsyncDisposable
{
    /// <summary>The public base URL the service is configured with (the proxy's address, not the listener's).</summary>
    public const string PublicBaseUrl = "https://cds.example.org";

    /// <summary>The EHR with an inline key.</summary>
    public const string Issuer = "https://ehr.example.org/fhir";

    /// <summary>The EHR bound to a tenant, with keys at a JWKS URL.</summary>
    public const string TenantIssuer = "https://tenant-ehr.example.org";

    /// <summary>The tenant registered for <see cref="TenantIssuer"/>.</summary>
    public const string Tenant = "hospital-a";

    /// <summary>The service called in tests.</summary>
    public const string ServicePath = "/cds-services/refractory-patient-view";

    /// <summary>The demo patient whose full prefetch is sent.</summary>
    public static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    private AuthenticatedApp(JwksServer jwks, IDictionary<string, string?>? extra, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services)
    {
        Jwks = jwks;
        jwks.Document = TestSigningKey.Jwks(UrlKey, JkuKey);
        var settings = Settings(jwks).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        App = new CdsHooksApp(settings, Seed.EvaluationTime) { ExtraServices = services };
    }

    /// <summary>The ES384 key registered inline for <see cref="Issuer"/>.</summary>
    public TestSigningKey InlineKey { get; } = TestSigningKey.Es384("ehr-es384-1");

    /// <summary>The RS384 key the JWKS URL serves for <see cref="TenantIssuer"/>.</summary>
    public TestSigningKey UrlKey { get; } = TestSigningKey.Rs("tenant-rs384-1");

    /// <summary>The ES384 key the JWKS server also serves, reached through an allowed <c>jku</c>.</summary>
    public TestSigningKey JkuKey { get; } = TestSigningKey.Es384("ehr-jku-1");

    /// <summary>The service host.</summary>
    public CdsHooksApp App { get; }

    /// <summary>The clients' JWKS server.</summary>
    public JwksServer Jwks { get; }

    /// <summary>The service's clock time.</summary>
    public DateTimeOffset Now => App.Clock.GetUtcNow();

    /// <summary>Starts the JWKS server and the host; <paramref name="extra"/> adds or overrides settings.</summary>
    public static async Task<AuthenticatedApp> StartAsync(
        IDictionary<string, string?>? extra = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        new(await JwksServer.StartAsync("""{"keys":[]}"""), extra, services);

    /// <summary>The full URL of a path as clients address it (the expected <c>aud</c>).</summary>
    public static string Audience(string path) => PublicBaseUrl + path;

    /// <summary>A valid token of the inline-key client for <paramref name="path"/>.</summary>
    public Jwt Token(string path = ServicePath) => Jwt.ForClient(InlineKey, Issuer, Audience(path), Now);

    /// <summary>Sends a request with an optional bearer token; a body is sent as JSON.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>A patient-view call with the demo patient's full prefetch.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string? token, string path = ServicePath) =>
        SendAsync(HttpMethod.Post, path, token, Testing.Requests.CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed).ToJson());

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Jwks.DisposeAsync();
        InlineKey.Dispose();
        UrlKey.Dispose();
        JkuKey.Dispose();
    }

    private IEnumerable<KeyValuePair<string, string?>> Settings(JwksServer jwks)
    {
        yield return new("Authentication:Enabled", "true");
        yield return new("Authentication:PublicBaseUrl", PublicBaseUrl);
        yield return new("Authentication:Clients:0:Issuer", Issuer);
        yield return new("Authentication:Clients:0:AllowedJkuPrefixes:0", jwks.BaseUrl + "keys/");
        foreach (var setting in InlineKey.InlineSettings(0))
        {
            yield return setting;
        }

        yield return new("Authentication:Clients:1:Issuer", TenantIssuer);
        yield return new("Authentication:Clients:1:JwksUrl", jwks.JwksUrl);
        yield return new("Authentication:Clients:1:Tenant", Tenant);
    }
}
