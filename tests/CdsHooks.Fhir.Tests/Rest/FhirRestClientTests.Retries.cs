using System.Diagnostics;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed partial class FhirRestClientTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task ReadAsync_TransientStatusThenOk_RetriesAndReturnsResource(int status)
    {
        var calls = 0;
        _server.Handle(context => Interlocked.Increment(ref calls) == 1
            ? LoopbackFhirServer.WriteAsync(context, "{}", status)
            : LoopbackFhirServer.WriteAsync(context, FhirTestJson.Patient(PatientId)));

        var resource = await CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None);

        Assert.IsType<Patient>(resource);
        Assert.Equal(2, calls);
        var retry = Assert.Single(_logger.Entries, e => e.EventId == 3002);
        Assert.Contains($"status {status}", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AlwaysServerError_FailsAfterAllRetriesWithStatus()
    {
        _options.MaxRetries = 2;
        _server.Respond(StatusCodes.Status500InternalServerError, "{}");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.HttpError, 500), (exception.Code, exception.StatusCode));
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId == 3002));
        Assert.Single(_logger.Entries, e => e.EventId == 3004);
    }

    [Fact]
    public async Task ReadAsync_RetriesTurnedOff_MakesOneAttempt()
    {
        _options.MaxRetries = 0;
        _server.Respond(StatusCodes.Status503ServiceUnavailable, "{}");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task ReadAsync_ClientErrorStatus_FailsAtOnceWithoutRetry(int status)
    {
        _server.Respond(status, """{ "resourceType": "OperationOutcome" }""");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.HttpError, status), (exception.Code, exception.StatusCode));
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(_logger.Entries, e => e.EventId == 3002);
    }

    [Fact]
    public async Task ReadAsync_ServerSlowerThanAttemptTimeout_FailsWithTimeoutAfterRetries()
    {
        _options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        _options.MaxRetries = 2;
        _server.Handle(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await LoopbackFhirServer.WriteAsync(context, FhirTestJson.Patient(PatientId));
        });

        var stopwatch = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.Timeout, exception.Code);
        Assert.Null(exception.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
        // Bounded below the 10 s the server would take for even one attempt: the attempt timeouts ended it.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task ReadAsync_BodySlowerThanAttemptTimeout_FailsWithTimeout()
    {
        // Headers arrive at once; the body stalls. The attempt timeout covers reading the body too.
        _options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        _options.MaxRetries = 0;
        _server.Handle(async context =>
        {
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync("""{ "resourceType": "Patient", """, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
        });

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.Timeout, exception.Code);
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceledPromptlyWithoutRetry()
    {
        _options.AttemptTimeout = TimeSpan.FromSeconds(10);
        _server.Handle(async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        var stopwatch = Stopwatch.StartNew();
        var exception = await Record.ExceptionAsync(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(_logger.Entries, e => e.EventId == 3002);
    }

    [Fact]
    public async Task SearchAsync_CallerCancelsDuringLaterPage_ThrowsOperationCanceledNotPartialResult()
    {
        _server.Handle(async context =>
        {
            if (context.Request.Query.ContainsKey("page"))
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }

            await LoopbackFhirServer.WriteAsync(context, FhirTestJson.SearchSet([FhirTestJson.Condition("c1")], "Condition?page=2"));
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var exception = await Record.ExceptionAsync(
            () => CreateClient().SearchAsync(Target(), ConditionSearch, cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_NothingListening_FailsWithNetworkFailureAfterRetries()
    {
        var closed = await LoopbackFhirServer.StartAsync();
        var target = new FhirServerTarget(closed.BaseUrl, Token);
        await closed.DisposeAsync();

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(target, $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.NetworkFailure, exception.Code);
        Assert.Contains("in 3 attempt(s)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId == 3002));
    }
}
