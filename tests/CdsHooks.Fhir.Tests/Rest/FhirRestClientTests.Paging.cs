using System.Globalization;
using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed partial class FhirRestClientTests
{
    [Fact]
    public async Task SearchAsync_SinglePage_ReturnsEntriesAndTotal()
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("c1"), FhirTestJson.Condition("c2")], total: 2));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(["c1", "c2"], result.Resources.Select(r => r.Id));
        Assert.Equal((1, FhirPagingStop.Complete, 2), (result.PagesRead, result.Stop, result.Total));
        Assert.True(result.IsComplete);
        Assert.Empty(result.EntryErrors);
        Assert.Equal($"/fhir/{ConditionSearch}", Assert.Single(_server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    [InlineData("root-relative")]
    public async Task SearchAsync_ThreePages_FollowsNextLinks(string linkStyle)
    {
        ServePages(3, page => linkStyle switch
        {
            "absolute" => $"{_server.BaseUrl}/Condition?patient={PatientId}&page={page}",
            "relative" => $"Condition?patient={PatientId}&page={page}",
            _ => $"/fhir/Condition?patient={PatientId}&page={page}",
        });

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(["c1", "c2", "c3"], result.Resources.Select(r => r.Id));
        Assert.Equal((3, FhirPagingStop.Complete), (result.PagesRead, result.Stop));
        Assert.Equal(
            [$"/fhir/{ConditionSearch}", $"/fhir/Condition?patient={PatientId}&page=2", $"/fhir/Condition?patient={PatientId}&page=3"],
            _server.Requests.Select(r => r.PathAndQuery));
        Assert.All(_server.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
    }

    [Fact]
    public async Task SearchAsync_NextLinkBackToEarlierPage_StopsWithCycleDetected()
    {
        // Page 3 links back to page 2.
        ServePages(int.MaxValue, page => $"{_server.BaseUrl}/Condition?patient={PatientId}&page={(page == 4 ? 2 : page)}");

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal((3, FhirPagingStop.CycleDetected), (result.PagesRead, result.Stop));
        Assert.Equal(["c1", "c2", "c3"], result.Resources.Select(r => r.Id));
        Assert.Equal(3, _server.Requests.Count);
        Assert.False(result.IsComplete);
        Assert.Contains(_logger.Entries, e => e.EventId == 3003 && e.Message.Contains("CycleDetected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_EndlessPages_StopsAtMaxPagesKeepingWhatWasRead()
    {
        _options.MaxPages = 4;
        ServePages(int.MaxValue, page => $"{_server.BaseUrl}/Condition?patient={PatientId}&page={page}");

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal((4, FhirPagingStop.PageLimitReached), (result.PagesRead, result.Stop));
        Assert.Equal(["c1", "c2", "c3", "c4"], result.Resources.Select(r => r.Id));
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task SearchAsync_LaterPageFails_ReturnsPartialResultWithPageFailed()
    {
        _server.Handle(context => PageNumber(context) == 1
            ? LoopbackFhirServer.WriteAsync(context, FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], $"Condition?patient={PatientId}&page=2", total: 9))
            : LoopbackFhirServer.WriteAsync(context, """{ "resourceType": "OperationOutcome" }""", StatusCodes.Status404NotFound));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal((1, FhirPagingStop.PageFailed, 9), (result.PagesRead, result.Stop, result.Total));
        Assert.Equal("c1", Assert.Single(result.Resources).Id);
        Assert.NotNull(result.PageFailure);
        Assert.Equal((FhirRestErrorCodes.HttpError, 404), (result.PageFailure.Code, result.PageFailure.StatusCode));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SearchAsync_FirstPageFails_Throws()
    {
        _server.Respond(StatusCodes.Status404NotFound, """{ "resourceType": "OperationOutcome" }""");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(() => CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.HttpError, 404, "Condition"), (exception.Code, exception.StatusCode, exception.ResourceType));
    }

    [Fact]
    public async Task SearchAsync_PageWithMalformedEntry_KeepsOtherEntriesAndReportsPath()
    {
        var bad = """{ "resourceType": "Condition", "id": "bad", "onsetDateTime": "sometime in 2019" }""";
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("c0"), bad, FhirTestJson.Condition("c2")]));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(["c0", "c2"], result.Resources.Select(r => r.Id));
        var error = Assert.Single(result.EntryErrors);
        Assert.Equal("$.entry[1].resource.onsetDateTime", error.Path);
        Assert.True(result.IsComplete);
        Assert.Contains(_logger.Entries, e => e.EventId == 3005);
    }

    [Fact]
    public async Task SearchAsync_OutcomeEntriesOnTwoPages_AreCollectedApartFromResources()
    {
        const string Outcome = """{ "resourceType": "OperationOutcome", "issue": [ { "severity": "warning", "code": "incomplete" } ] }""";
        _server.Handle(context =>
        {
            var page = PageNumber(context);
            var json = FhirTestJson.SearchSet([FhirTestJson.Condition($"c{page}")], page == 1 ? "Condition?page=2" : null, outcomes: [Outcome]);
            return LoopbackFhirServer.WriteAsync(context, json);
        });

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(["c1", "c2"], result.Resources.Select(r => r.Id));
        Assert.Equal(2, result.Outcomes.Count);
    }

    [Fact]
    public async Task ContinueSearchAsync_NextLinkFromPrefetch_ReadsRemainingPages()
    {
        ServePages(3, page => $"{_server.BaseUrl}/Condition?patient={PatientId}&page={page}");

        var result = await CreateClient().ContinueSearchAsync(Target(), $"{_server.BaseUrl}/Condition?patient={PatientId}&page=2", CancellationToken.None);

        Assert.Equal(["c2", "c3"], result.Resources.Select(r => r.Id));
        Assert.Equal((2, FhirPagingStop.Complete), (result.PagesRead, result.Stop));
        Assert.All(_server.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
    }

    [Fact]
    public async Task ContinueSearchAsync_FirstPageFails_Throws()
    {
        _server.Respond(StatusCodes.Status403Forbidden, "{}");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ContinueSearchAsync(Target(), $"Condition?patient={PatientId}&page=2", CancellationToken.None));

        Assert.Equal(403, exception.StatusCode);
    }

    // Serves page n (query "page", default 1) with one Condition "c{n}" and, below the last page, a next link.
    private void ServePages(int pageCount, Func<int, string> nextLink)
        => _server.Handle(context =>
        {
            var page = PageNumber(context);
            var next = page < pageCount ? nextLink(page + 1) : null;
            return LoopbackFhirServer.WriteAsync(context, FhirTestJson.SearchSet([FhirTestJson.Condition($"c{page}")], next));
        });

    private static int PageNumber(HttpContext context)
        => context.Request.Query.TryGetValue("page", out var value) ? int.Parse(value.ToString(), CultureInfo.InvariantCulture) : 1;
}
