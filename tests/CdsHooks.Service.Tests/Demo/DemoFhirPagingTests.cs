using System.Net;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Demo;

public sealed class DemoFhirPagingTests(DemoFhirFixture fixture) : IClassFixture<DemoFhirFixture>
{
    private readonly DemoFhirHost _host = fixture.Shifted;

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    [InlineData(1000)] // capped at MaxPageSize (500): one page
    public async Task Count_FollowingNextLinks_SeesEveryMatchOnce(int count)
    {
        var expected = SeedPatients.ById.Values.SelectMany(s => s.Resources).OfType<Observation>().Select(o => o.Id!).Order().ToList();
        var seen = new List<string>();
        var pages = 0;
        for (string? url = $"fhir/Observation?_count={count}"; url is not null; pages++)
        {
            var page = await _host.SearchAsync(url);
            Assert.Equal(expected.Count, page.Total);
            Assert.InRange(page.Entry?.Count ?? 0, 1, Math.Min(count, 500));
            seen.AddRange(DemoFhirHost.Ids(page));
            url = page.GetLink("next");
        }

        Assert.Equal(expected, seen.Order());
        Assert.Equal((expected.Count + Math.Min(count, 500) - 1) / Math.Min(count, 500), pages);
    }

    [Fact]
    public async Task Count_Zero_ReturnsTotalOnly()
    {
        var bundle = await _host.SearchAsync("fhir/Condition?patient=crohns-v1&_count=0");

        Assert.Equal(SeedPatients.Get("crohns-v1").Resources.OfType<Condition>().Count(), bundle.Total);
        Assert.Null(bundle.Entry);
        Assert.Null(bundle.GetLink("next"));
        Assert.NotNull(bundle.GetLink("self"));
    }

    [Fact]
    public async Task Count_DefaultAndCap_ComeFromOptions()
    {
        await using var host = await DemoFhirHost.StartAsync(new Dictionary<string, string?> { ["Demo:DefaultPageSize"] = "4", ["Demo:MaxPageSize"] = "6" });

        var byDefault = await host.SearchAsync("fhir/Observation");
        var capped = await host.SearchAsync("fhir/Observation?_count=100");

        Assert.Equal(4, byDefault.Entry!.Count);
        Assert.Equal(6, capped.Entry!.Count);
        Assert.Contains("_count=6", capped.GetLink("next"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date")]
    [InlineData("-date")]
    public async Task Sort_ByDate_OrdersEveryPage(string sort)
    {
        var descending = sort.StartsWith('-');
        var dates = new List<DateTimeOffset>();
        for (string? url = $"fhir/Observation?category=laboratory&_sort={sort}&_count=9"; url is not null;)
        {
            var page = await _host.SearchAsync(url);
            dates.AddRange(page.Entry!.Select(e => ((Observation)e.Resource!).EffectiveDateTime!.Value.LowerBound));
            url = page.GetLink("next");
        }

        var ordered = descending ? dates.OrderDescending() : dates.Order();
        Assert.True(dates.Distinct().Count() > 10);
        Assert.Equal(ordered, dates);
    }

    [Theory]
    [InlineData("MedicationStatement", "effective")]
    [InlineData("MedicationRequest", "-authoredon")]
    [InlineData("Condition", "-date")]              // Condition's date is onset-date
    [InlineData("Procedure", "date")]
    public async Task Sort_ByEachTypesDate_MatchesTheSeedValues(string type, string sort)
    {
        var bundle = await _host.SearchAsync($"fhir/{type}?_sort={sort}&_count=500");

        var starts = bundle.Entry!.Select(e => StartOf(e.Resource!)).ToList();
        var present = starts.TakeWhile(s => s is not null).ToList();
        Assert.True(present.Count > 1);
        Assert.All(starts.Skip(present.Count), s => Assert.Null(s)); // resources without the date come last
        Assert.Equal(sort.StartsWith('-') ? present.OrderDescending() : present.Order(), present);
    }

    [Theory]
    [InlineData("_lastUpdated")]
    [InlineData("-_lastUpdated")]
    public async Task Sort_ByLastUpdated_FollowsEachBundlesTimestamp(string sort)
    {
        var bundle = await fixture.AsWritten.SearchAsync($"fhir/Patient?_sort={sort}&_count=500");

        var stamps = bundle.Entry!.Select(e => e.Resource!.Meta!.LastUpdated!.Value.LowerBound).ToList();
        var expected = bundle.Entry!.Select(e => SeedPatients.Get(e.Resource!.Id!).EvaluationTime).ToList();
        Assert.Equal(expected, stamps);
        Assert.Equal(sort.StartsWith('-') ? stamps.OrderDescending() : stamps.Order(), stamps);
        Assert.True(stamps.Distinct().Count() > 10);
    }

    [Theory]
    [InlineData("fhir/Observation?_count=-1", "_count")]
    [InlineData("fhir/Observation?_count=ten", "_count")]
    [InlineData("fhir/Observation?_count=1.5", "_count")]
    [InlineData("fhir/Observation?_offset=x", "_offset")]
    [InlineData("fhir/Observation?date=2023-13", "date")]
    [InlineData("fhir/Observation?date=20230301", "date")]
    [InlineData("fhir/Observation?date=ge", "date")]
    [InlineData("fhir/Condition?onset-date=2023-02-30", "onset-date")]
    [InlineData("fhir/Observation?code=|", "code")]
    [InlineData("fhir/Observation?code=a|b|c", "code")]
    public async Task MalformedValue_Returns400NamingTheParameter(string url, string parameter)
    {
        using var response = await _host.Client.GetAsync(url);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.BadRequest, "invalid", DemoFhirErrorCodes.InvalidValue);
        Assert.Contains($"'{parameter}'", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fhir/Observation?foo=bar", "'foo'")]
    [InlineData("fhir/Observation?code:text=crp", "':text'")]
    [InlineData("fhir/Observation?_include=Observation:subject", "'_include'")]
    [InlineData("fhir/Observation?_summary=count", "'_summary'")]
    [InlineData("fhir/Patient?patient=crohns-v1", "'patient'")]
    [InlineData("fhir/Observation?_sort=code", "'code'")]
    [InlineData("fhir/Patient?_sort=date", "'date'")]
    [InlineData("fhir/Observation?date=sa2023", "'sa'")]
    [InlineData("fhir/Observation?_format=xml", "'_format'")]
    public async Task UnsupportedParameter_Returns400ListingWhatIsSupported(string url, string named)
    {
        using var response = await _host.Client.GetAsync(url);

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.BadRequest, "not-supported", DemoFhirErrorCodes.UnsupportedParameter);
        Assert.Contains(named, issue.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("supported", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownParameter_ListsTheTypesParameters()
    {
        using var response = await _host.Client.GetAsync("fhir/Observation?foo=bar");

        var issue = await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.BadRequest, "not-supported", DemoFhirErrorCodes.UnsupportedParameter);
        Assert.Equal("The search parameter 'foo' is not supported for Observation; supported parameters: _id, _lastUpdated, category, code, date, patient, status, subject, _count, _sort, _format.", issue.Diagnostics);
    }

    [Theory]
    [InlineData("fhir/Observation?_format=json")]
    [InlineData("fhir/Observation?_format=application/fhir%2Bjson")]
    [InlineData("fhir/Observation?code=")] // an empty parameter is ignored
    public async Task AcceptedExtras_DoNotFilter(string url)
    {
        var bundle = await _host.SearchAsync(url);

        Assert.Equal(SeedPatients.ById.Values.SelectMany(s => s.Resources).OfType<Observation>().Count(), bundle.Total);
    }

    private static DateTimeOffset? StartOf(Resource resource) => resource switch
    {
        MedicationStatement m => (m.EffectiveDateTime ?? m.EffectivePeriod?.Start)?.LowerBound,
        MedicationRequest m => m.AuthoredOn?.LowerBound,
        Condition c => (c.OnsetDateTime ?? c.OnsetPeriod?.Start)?.LowerBound,
        Procedure p => (p.PerformedDateTime ?? p.PerformedPeriod?.Start)?.LowerBound,
        _ => null,
    };
}
