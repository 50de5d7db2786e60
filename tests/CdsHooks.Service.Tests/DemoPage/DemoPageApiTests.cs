using System.Net;
using System.Text;
using System.Text.Json;
using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.DemoPage;

/// <summary>The demo page's API and files on the real host: served in demo mode only, the chart read through the engine.</summary>
public sealed class DemoPageApiTests : IDisposable
{
    private readonly CdsHooksApp _app = new(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:AllowWrites"] = "true" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Chart_RefractoryCrohnsPatient_ShowsEpisodesWithTheEnginesOutcomesAndLines()
    {
        using var client = _app.CreateClient();

        var chart = JsonDocument.Parse(await client.GetStringAsync(new Uri("demo/api/patients/crohns-v1/chart", UriKind.Relative))).RootElement;

        var episodes = chart.GetProperty("episodes").EnumerateArray().ToDictionary(e => e.GetProperty("label").GetString()!);
        Assert.Equal(("secondary-loss-of-response", "anti-TNF", 2), Episode(episodes["infliximab"]));
        Assert.Equal(("primary-non-response", 3), (episodes["ustekinumab"].GetProperty("outcome").GetString(), episodes["ustekinumab"].GetProperty("line").GetInt32()));
        Assert.Contains(chart.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("Crohn", StringComparison.Ordinal));
        Assert.Contains(chart.GetProperty("keyResults").EnumerateArray(), r => r.GetProperty("text").GetString() == "CRP" && r.GetProperty("value").GetString() == "38 mg/L");
        Assert.Empty(chart.GetProperty("pendingOrders").EnumerateArray());
        Assert.Equal(_app.Clock.GetUtcNow(), chart.GetProperty("asOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task Chart_AfterAnOrderIsWritten_ListsItAsPending()
    {
        using var client = _app.CreateClient();
        using var created = await client.PostAsync(new Uri("fhir/MedicationRequest", UriKind.Relative), new StringContent("""
            {"resourceType":"MedicationRequest","status":"draft","intent":"proposal","subject":{"reference":"Patient/crohns-v1"},
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1538097","display":"vedolizumab"}]}}
            """, Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var chart = JsonDocument.Parse(await client.GetStringAsync(new Uri("demo/api/patients/crohns-v1/chart", UriKind.Relative))).RootElement;

        var pending = Assert.Single(chart.GetProperty("pendingOrders").EnumerateArray());
        Assert.Equal("draft", pending.GetProperty("status").GetString());
        Assert.Equal("vedolizumab", pending.GetProperty("label").GetString());
        Assert.Equal(created.Headers.Location!.ToString().Replace("/fhir/", string.Empty, StringComparison.Ordinal), pending.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task PatientsAndDrugs_ListTheSeedsAndTheTerminologysDrugs()
    {
        using var client = _app.CreateClient();

        var patients = JsonDocument.Parse(await client.GetStringAsync(new Uri("demo/api/patients", UriKind.Relative))).RootElement;
        var drugs = JsonDocument.Parse(await client.GetStringAsync(new Uri("demo/api/drugs", UriKind.Relative))).RootElement;

        Assert.Equal(63, patients.GetArrayLength());
        Assert.Equal(["cart", "crc", "crohns", "lung", "sle"], patients.EnumerateArray().Select(p => p.GetProperty("area").GetString()).Distinct().Order());
        var upadacitinib = drugs.EnumerateArray().Single(d => d.GetProperty("inn").GetString() == "upadacitinib");
        Assert.Contains(upadacitinib.GetProperty("codings").EnumerateArray(), c => c.GetProperty("system").GetString() == "http://www.nlm.nih.gov/research/umls/rxnorm");
        Assert.Equal("jak-inhibitor", upadacitinib.GetProperty("mechanismClass").GetString());
    }

    [Fact]
    public async Task Page_IsServedWithASelfOnlyContentSecurityPolicy()
    {
        using var client = _app.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'; script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("http", (await page.Content.ReadAsStringAsync()).Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/demo/api/patients")]
    [InlineData("/smart-app/launch.html")]
    [InlineData("/fhir/.well-known/smart-configuration")]
    public async Task DemoOff_NothingOfTheDemoIsServed(string path)
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (string?, string?, int) Episode(JsonElement e)
        => (e.GetProperty("outcome").GetString(), e.GetProperty("mechanism").GetString(), e.GetProperty("line").GetInt32());
}
