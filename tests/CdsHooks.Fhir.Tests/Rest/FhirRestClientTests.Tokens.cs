using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed partial class FhirRestClientTests
{
    [Fact]
    public async Task SearchAsync_NextLinkToAnotherServer_IsNotFollowedAndTokenStaysHome()
    {
        await using var foreign = await LoopbackFhirServer.StartAsync();
        foreign.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("stolen")]));
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], $"{foreign.BaseUrl}/Condition?patient={PatientId}&page=2"));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal((1, FhirPagingStop.ForeignNextLink), (result.PagesRead, result.Stop));
        Assert.Equal("c1", Assert.Single(result.Resources).Id);
        Assert.Empty(foreign.Requests);
        var log = Assert.Single(_logger.Entries, e => e.EventId == 3006);
        Assert.Contains($"127.0.0.1:{foreign.Root.Port}", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientId, log.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/other/Condition?page=2")]
    [InlineData("/fhir-admin/Condition?page=2")]
    [InlineData("../admin/Condition?page=2")]
    public async Task SearchAsync_NextLinkOutsideBasePathOnSameHost_IsNotFollowed(string next)
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], next));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(FhirPagingStop.ForeignNextLink, result.Stop);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SearchAsync_NextLinkWithOtherScheme_IsNotFollowed()
    {
        var next = $"https://127.0.0.1:{_server.Root.Port}/fhir/Condition?page=2";
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], next));

        var result = await CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None);

        Assert.Equal(FhirPagingStop.ForeignNextLink, result.Stop);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ContinueSearchAsync_ForeignLink_ReturnsEmptyWithoutAnyRequest()
    {
        await using var foreign = await LoopbackFhirServer.StartAsync();

        var result = await CreateClient().ContinueSearchAsync(Target(), $"{foreign.BaseUrl}/Condition?patient={PatientId}&page=2", CancellationToken.None);

        Assert.Equal((0, FhirPagingStop.ForeignNextLink), (result.PagesRead, result.Stop));
        Assert.Empty(result.Resources);
        Assert.Empty(foreign.Requests);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ReadAsync_RedirectToAnotherServer_DoesNotForwardToken()
    {
        // HttpClient follows redirects itself; it must drop the Authorization header on the way.
        await using var foreign = await LoopbackFhirServer.StartAsync();
        foreign.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId));
        _server.Handle(context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = $"{foreign.BaseUrl}/Patient/{PatientId}";
            return Task.CompletedTask;
        });

        await CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None);

        Assert.Equal($"Bearer {Token}", Assert.Single(_server.Requests).Authorization);
        Assert.Null(Assert.Single(foreign.Requests).Authorization);
    }

    [Fact]
    public async Task Failures_NeverPutTokenQueryOrBodyIntoLogsOrExceptions()
    {
        _options.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        _options.MaxRetries = 1;
        const string BodySecret = "Testperson-Body-Secret";
        var client = CreateClient();
        var failures = new List<Exception>();

        async Task Capture(Func<Task> act) => failures.Add(await Record.ExceptionAsync(act) ?? throw new InvalidOperationException("expected a failure"));

        _server.Respond(StatusCodes.Status500InternalServerError, $$"""{ "resourceType": "OperationOutcome", "text": "{{BodySecret}}" }""");
        await Capture(() => client.SearchAsync(Target(), ConditionSearch, CancellationToken.None));

        _server.Respond(StatusCodes.Status200OK, $"<html>{BodySecret}</html>", "text/html");
        await Capture(() => client.ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        _server.Respond(StatusCodes.Status200OK, $$"""{ "resourceType": "Patient", "id": {{BodySecret}} }""");
        await Capture(() => client.ReadAsync(Target(), $"Patient/{PatientId}?_elements={BodySecret}", CancellationToken.None));

        _server.Handle(async context => await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted));
        await Capture(() => client.SearchAsync(Target(), ConditionSearch, CancellationToken.None));

        var later = FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], $"Condition?patient={PatientId}&page=2");
        _server.Handle(context => context.Request.Query.ContainsKey("page")
            ? LoopbackFhirServer.WriteAsync(context, BodySecret, StatusCodes.Status401Unauthorized)
            : LoopbackFhirServer.WriteAsync(context, later));
        var partial = await client.SearchAsync(Target(), ConditionSearch, CancellationToken.None);
        failures.Add(partial.PageFailure!);

        Assert.Equal(
            [FhirRestErrorCodes.HttpError, FhirRestErrorCodes.NotFhirJson, FhirRestErrorCodes.NotFhirJson, FhirRestErrorCodes.Timeout, FhirRestErrorCodes.HttpError],
            failures.Select(f => Assert.IsType<FhirRequestException>(f).Code));
        var everything = string.Join('\n', failures.Select(f => f.ToString())) + '\n' + _logger.AllText() + '\n' + Target();
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(BodySecret, everything, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{_server.Root.Port}", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("Condition", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("500", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.EventId == 3001);
    }
}
