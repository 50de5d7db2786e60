using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CdsHooks.Service.Tests.Smart;

/// <summary>
/// The demo-mode SMART App Launch over real HTTP: launch registration (the sandbox's shape), authorize with PKCE,
/// token, and the explainer that takes the token; plus the ways each step refuses.
/// </summary>
public sealed class SmartDemoAuthorizationTests : IDisposable
{
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private readonly CdsHooksApp _app = new(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
    private readonly HttpClient _client;

    public SmartDemoAuthorizationTests()
    {
        Uri root;
        using (var probe = _app.CreateClient())
        {
            root = probe.BaseAddress!;
        }

        // A plain client on the real loopback server, so that the authorize redirect is seen, not followed.
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = root };
    }

    private string Root => _client.BaseAddress!.ToString();

    private string Fhir => Root + "fhir";

    private string Redirect => Root + "smart-app/index.html";

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Configuration_NamesTheDemoEndpointsAndPkce()
    {
        var config = JsonDocument.Parse(await _client.GetStringAsync(new Uri("fhir/.well-known/smart-configuration", UriKind.Relative))).RootElement;

        Assert.Equal(Root + "smart/authorize", config.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(Root + "smart/token", config.GetProperty("token_endpoint").GetString());
        Assert.Equal(["S256"], config.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("launch-ehr", config.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task FullLaunch_GivesATokenWithPatientAndAppContext_ThatTheExplainerAccepts()
    {
        string launch = await RegisterLaunchAsync("crohns-v1", """{"rule":"crohns.refractory-status"}""");
        string code = await AuthorizeAsync(launch);

        var token = await ExchangeAsync(code, Verifier);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal("crohns-v1", token.Body.GetProperty("patient").GetString());
        Assert.Equal("""{"rule":"crohns.refractory-status"}""", token.Body.GetProperty("appContext").GetString());
        Assert.Equal("Bearer", token.Body.GetProperty("token_type").GetString());
        var explanation = await ExplainAsync(token.Body.GetProperty("access_token").GetString(), "crohns-v1");
        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
        var rules = JsonDocument.Parse(await explanation.Content.ReadAsStringAsync()).RootElement.GetProperty("rules");
        var status = rules.EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "crohns.refractory-status");
        Assert.Equal("refractory", status.GetProperty("status").GetString());
        Assert.Equal("true", status.GetProperty("criteria").GetProperty("value").GetString());
        Assert.NotEmpty(status.GetProperty("evidence").EnumerateArray());
        Assert.Contains(status.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "min-failed-mechanisms");
    }

    [Fact]
    public async Task Token_WrongVerifierOrReusedCode_IsInvalidGrant()
    {
        string code = await AuthorizeAsync(await RegisterLaunchAsync("crohns-v1", null));

        var wrong = await ExchangeAsync(code, Verifier + "x");
        var reused = await ExchangeAsync(code, Verifier);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrong.Status, wrong.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reused.Status, reused.Body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Authorize_ForeignRedirect_IsRefusedWithoutRedirecting()
    {
        string launch = await RegisterLaunchAsync("crohns-v1", null);

        using var response = await _client.GetAsync(AuthorizeUrl(launch, "https://elsewhere.example/cb"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_UnknownLaunch_RedirectsBackWithAnError()
    {
        using var response = await _client.GetAsync(AuthorizeUrl("no-such-launch", Redirect));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("s-1", query["state"]);
    }

    [Fact]
    public async Task LaunchRegistration_UnknownPatient_Is400()
    {
        using var response = await _client.PostAsync(new Uri("fhir/_services/smart/Launch", UriKind.Relative),
            new StringContent("""{"launchUrl":"x","parameters":{"patient":"nobody"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Explain_WithoutAValidTokenOrForAnotherPatient_IsRefused()
    {
        string code = await AuthorizeAsync(await RegisterLaunchAsync("crohns-v1", null));
        string token = (await ExchangeAsync(code, Verifier)).Body.GetProperty("access_token").GetString()!;

        using var none = await ExplainAsync(null, "crohns-v1");
        using var forged = await ExplainAsync("forged", "crohns-v1");
        using var other = await ExplainAsync(token, "crohns-v6");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private async Task<string> RegisterLaunchAsync(string patient, string? appContext)
    {
        var body = new JsonObject { ["launchUrl"] = Root + "smart-app/launch.html", ["parameters"] = new JsonObject { ["patient"] = patient, ["appContext"] = appContext } };
        using var response = await _client.PostAsync(new Uri("fhir/_services/smart/Launch", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("launch_id").GetString()!;
    }

    private Uri AuthorizeUrl(string launch, string redirect)
    {
        string challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Uri(QueryHelpers.AddQueryString("smart/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = "test-app", ["redirect_uri"] = redirect, ["launch"] = launch,
            ["scope"] = "launch patient/*.read", ["state"] = "s-1", ["aud"] = Fhir, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }), UriKind.Relative);
    }

    private async Task<string> AuthorizeAsync(string launch)
    {
        using var response = await _client.GetAsync(AuthorizeUrl(launch, Redirect));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("s-1", query["state"]);
        return query["code"]!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, string verifier)
    {
        using var response = await _client.PostAsync(new Uri("smart/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["client_id"] = "test-app", ["code_verifier"] = verifier,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<HttpResponseMessage> ExplainAsync(string? token, string patientId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "smart-app/api/explain/refractory-patient-view")
        {
            Content = new StringContent(new JsonObject
            {
                ["hookInstance"] = Guid.NewGuid().ToString(),
                ["hook"] = "patient-view",
                ["fhirServer"] = Fhir,
                ["context"] = new JsonObject { ["userId"] = "Practitioner/COREPRACTITIONER1", ["patientId"] = patientId },
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }
}
