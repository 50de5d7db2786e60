using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Sandbox;

/// <summary>
/// Replays the request shapes of the public CDS Hooks sandbox (a browser app) against the real host in demo mode: CORS
/// preflights from its origin (with Chrome's Private Network Access header), discovery and calls carrying a signed JWT
/// (not checked in demo mode), prefetch read from the FHIR server with <c>POST _search</c> and
/// <c>Accept: application/json+fhir</c>, keys it could not read left out, its fixed user, no fhirAuthorization, and
/// feedback for cards with a uuid.
/// </summary>
public sealed class SandboxCompatibilityTests : IDisposable
{
    private const string Origin = "https://sandbox.cds-hooks.org";
    private const string User = "Practitioner/COREPRACTITIONER1";

    // The shape of the sandbox's ES384 token (header.payload.signature); demo mode runs without authentication.
    private const string SandboxJwt = "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6InNhbmRib3gifQ.eyJpc3MiOiJodHRwczovL3NhbmRib3guY2RzLWhvb2tzLm9yZyJ9.c2lnbmF0dXJl";

    private readonly CdsHooksApp _app = new(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:AllowWrites"] = "true" });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/cds-services", "GET", "authorization")]
    [InlineData("/cds-services/refractory-patient-view", "POST", "authorization,content-type")]
    [InlineData("/cds-services/refractory-patient-view/feedback", "POST", "authorization,content-type")]
    public async Task Preflight_FromTheSandboxOrigin_IsAllowedWithPrivateNetworkAccess(string path, string method, string headers)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        request.Headers.Add("Access-Control-Request-Private-Network", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        foreach (var header in headers.Split(','))
        {
            Assert.Contains(header, Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("true", Header(response, "Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task Preflight_WithoutThePrivateNetworkHeader_GetsNoPrivateNetworkAnswer()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task Discovery_WithTheSandboxJwtAndOrigin_ListsTheServicesWithCors()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", Origin);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxJwt);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("services");
        Assert.Equal(["patient-view", "order-select", "order-sign"], services.EnumerateArray().Select(s => s.GetProperty("hook").GetString()));
        Assert.All(services.EnumerateArray(), s => Assert.True(s.GetProperty("prefetch").EnumerateObject().Any()));
    }

    [Fact]
    public async Task PrefetchQueries_PostSearchFirstThenGet_WithTheSandboxAcceptHeader_AnswerTheSameBundle()
    {
        using var client = _app.CreateClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/fhir/MedicationStatement/_search")
        {
            Content = new FormUrlEncodedContent([new("patient", "crohns-v1"), new("_count", "100")]),
        };
        post.Headers.TryAddWithoutValidation("Accept", "application/json+fhir");
        post.Headers.Add("Origin", Origin);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/fhir/MedicationStatement?patient=crohns-v1&_count=100");
        get.Headers.TryAddWithoutValidation("Accept", "application/json+fhir");

        using var byPost = await client.SendAsync(post);
        using var byGet = await client.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, byPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byGet.StatusCode);
        Assert.Equal("*", Header(byPost, "Access-Control-Allow-Origin"));
        var posted = JsonDocument.Parse(await byPost.Content.ReadAsStringAsync()).RootElement;
        var got = JsonDocument.Parse(await byGet.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("searchset", posted.GetProperty("type").GetString());
        Assert.Equal(Ids(got), Ids(posted));
        Assert.NotEmpty(Ids(posted));
    }

    [Fact]
    public async Task ServiceCall_InTheSandboxShapeWithKeysOmitted_FetchesThemAndAnswersLikeAFullPrefetch()
    {
        using var client = _app.CreateClient();
        string fhirServer = new Uri(client.BaseAddress!, "fhir").ToString();
        var full = await SandboxPrefetchAsync(client, "crohns-v1", omit: []);
        var partial = await SandboxPrefetchAsync(client, "crohns-v1", omit: ["observations", "procedures", "medicationRequests"]);

        var withFull = await CallAsync(client, SandboxRequest("patient-view", "crohns-v1", fhirServer, full));
        var withPartial = await CallAsync(client, SandboxRequest("patient-view", "crohns-v1", fhirServer, partial));

        Assert.Equal(Summaries(withFull), Summaries(withPartial));
        Assert.Contains(Summaries(withPartial), s => s.StartsWith("Refractory Crohn's disease", StringComparison.Ordinal));
        Assert.All(withPartial.GetProperty("cards").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("uuid").GetString())));
        Assert.DoesNotContain("COREPRACTITIONER1", _app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceCall_OrderSelectInTheSandboxShape_WithNoPrefetchAtAll_IsAnswered()
    {
        using var client = _app.CreateClient();
        string fhirServer = new Uri(client.BaseAddress!, "fhir").ToString();
        var request = SandboxRequest("order-select", "crohns-v6", fhirServer, prefetch: null);
        var draft = JsonNode.Parse("""
            {"resourceType":"MedicationRequest","id":"sandbox-mr-1","status":"draft","intent":"order",
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2196092","display":"upadacitinib"}]},
             "subject":{"reference":"Patient/crohns-v6"}}
            """)!;
        request["context"]!["selections"] = new JsonArray("MedicationRequest/sandbox-mr-1");
        request["context"]!["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(new JsonObject { ["resource"] = draft }) };

        var response = await CallAsync(client, request, "refractory-order-select");

        Assert.Contains(response.GetProperty("cards").EnumerateArray(), c => c.GetProperty("indicator").GetString() == "critical");
    }

    [Fact]
    public async Task Feedback_ForACardWithAUuid_InTheSandboxShape_IsStored()
    {
        using var client = _app.CreateClient();
        string fhirServer = new Uri(client.BaseAddress!, "fhir").ToString();
        var answer = await CallAsync(client, SandboxRequest("patient-view", "crohns-v1", fhirServer, await SandboxPrefetchAsync(client, "crohns-v1", [])));
        var card = answer.GetProperty("cards").EnumerateArray().First(c => c.TryGetProperty("suggestions", out _));
        string uuid = card.GetProperty("uuid").GetString()!;
        string suggestion = card.GetProperty("suggestions")[0].GetProperty("uuid").GetString()!;
        string body = $$"""{"feedback":[{"card":"{{uuid}}","outcome":"accepted","acceptedSuggestions":[{"id":"{{suggestion}}"}],"outcomeTimestamp":"2025-06-01T12:00:00.000Z"}]}""";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/refractory-patient-view/feedback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Origin);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxJwt);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var stored = Assert.Single(await _app.Services.GetRequiredService<IFeedbackStore>().FindByCardAsync(uuid, CancellationToken.None));
        Assert.Equal([suggestion], stored.AcceptedSuggestions);
    }

    // The sandbox fills each template from discovery, reads it with Accept: application/json+fhir, and leaves out any key
    // whose read failed (here: the keys in omit).
    private static async Task<JsonObject> SandboxPrefetchAsync(HttpClient client, string patientId, string[] omit)
    {
        var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/cds-services", UriKind.Relative))).RootElement;
        var templates = discovery.GetProperty("services")[0].GetProperty("prefetch");
        var prefetch = new JsonObject();
        foreach (var key in templates.EnumerateObject().Where(k => !omit.Contains(k.Name)))
        {
            string query = key.Value.GetString()!.Replace("{{context.patientId}}", patientId, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/" + query);
            request.Headers.TryAddWithoutValidation("Accept", "application/json+fhir");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            prefetch[key.Name] = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }

        return prefetch;
    }

    private static JsonObject SandboxRequest(string hook, string patientId, string fhirServer, JsonObject? prefetch)
    {
        var request = new JsonObject
        {
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["hook"] = hook,
            ["fhirServer"] = fhirServer,
            ["context"] = new JsonObject { ["patientId"] = patientId, ["userId"] = User },
        };
        if (prefetch is { Count: > 0 })
        {
            request["prefetch"] = prefetch;
        }

        return request;
    }

    private static async Task<JsonElement> CallAsync(HttpClient client, JsonObject body, string serviceId = "refractory-patient-view")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/" + serviceId)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Origin);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxJwt);
        using var response = await client.SendAsync(request);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        return await HttpAssert.CdsResponseAsync(response);
    }

    private static List<string> Summaries(JsonElement response)
        => response.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("summary").GetString()!).ToList();

    private static List<string> Ids(JsonElement bundle)
        => bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!).ToList() : [];

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
