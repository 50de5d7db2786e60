using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed partial class FhirRestClientTests
{
    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/fhir+json; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json+fhir; fhirVersion=4.0")]
    [InlineData("Application/FHIR+JSON")]
    public async Task ReadAsync_FhirJsonContentTypes_AreAccepted(string contentType)
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId), contentType);

        var resource = await CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None);

        Assert.IsType<Patient>(resource);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/fhir+xml")]
    [InlineData("text/plain")]
    public async Task ReadAsync_OtherContentType_FailsWithNotFhirJsonWithoutRetry(string contentType)
    {
        _server.Respond(StatusCodes.Status200OK, FhirTestJson.Patient(PatientId), contentType);

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.NotFhirJson, 200), (exception.Code, exception.StatusCode));
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("<html><body>Login required</body></html>", "FHIR-JSON-004")]
    [InlineData("""{ "id": "no-resource-type" }""", "FHIR-JSON-001")]
    [InlineData("""[ 1, 2 ]""", "FHIR-JSON-006")]
    public async Task ReadAsync_BodyNotFhirJson_FailsWithNotFhirJson(string body, string jsonCode)
    {
        _server.Respond(StatusCodes.Status200OK, body);

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.NotFhirJson, exception.Code);
        Assert.Contains(jsonCode, exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.InnerException);
    }

    [Theory]
    [InlineData("""{ "resourceType": "Patient", "id": "p1" }""")]
    [InlineData("""{ "resourceType": "Bundle", "entry": [ """)]
    [InlineData("not json at all")]
    public async Task SearchAsync_AnswerNotABundle_FailsWithNotFhirJson(string body)
    {
        _server.Respond(StatusCodes.Status200OK, body);

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().SearchAsync(Target(), ConditionSearch, CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.NotFhirJson, "Condition"), (exception.Code, exception.ResourceType));
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanLimitWithContentLength_FailsWithResponseTooLarge()
    {
        _options.MaxResponseBytes = 1024;
        var large = $$"""{ "resourceType": "Patient", "id": "p1", "note": "{{new string('x', 4096)}}" }""";
        _server.Respond(StatusCodes.Status200OK, large);

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().ReadAsync(Target(), $"Patient/{PatientId}", CancellationToken.None));

        Assert.Equal((FhirRestErrorCodes.ResponseTooLarge, 200), (exception.Code, exception.StatusCode));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SearchAsync_HugeChunkedBody_StopsReadingAtLimit()
    {
        // No Content-Length and 64 MiB on offer: the client must stop reading just past its 1 MiB limit.
        _options.MaxResponseBytes = 1024 * 1024;
        _server.Handle(async context =>
        {
            context.Response.ContentType = "application/fhir+json";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                await context.Response.WriteAsync("""{ "resourceType": "Bundle", "entry": [""", context.RequestAborted);
                for (var i = 0; i < 1024 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client hung up, as it should.
            }
        });
        using var counter = new ByteCountingHandler();
        using var httpClient = new HttpClient(counter);
        var client = new FhirRestClient(httpClient, new FhirRequestPipeline(Options.Create(_options), TimeProvider.System, _logger), Options.Create(_options), TimeProvider.System, _logger);

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => client.SearchAsync(Target(), ConditionSearch, CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.ResponseTooLarge, exception.Code);
        Assert.InRange(counter.BytesRead, _options.MaxResponseBytes, _options.MaxResponseBytes + (128 * 1024));
    }

    // Half a surrogate pair, escaped: well-formed JSON, but no text. A FHIR server sending it must not fail the call.
    [Fact]
    public async Task SearchAsync_ResourceTypeThatIsNoText_FailsWithNotFhirJson()
    {
        _server.Respond(StatusCodes.Status200OK, """{"resourceType":"\uD800","type":"searchset"}""");

        var exception = await Assert.ThrowsAsync<FhirRequestException>(
            () => CreateClient().SearchAsync(Target(), "Condition?patient=p1", CancellationToken.None));

        Assert.Equal(FhirRestErrorCodes.NotFhirJson, exception.Code);
    }

    [Fact]
    public async Task SearchAsync_NextLinkThatIsNoText_IsReported_AndPagingStops()
    {
        _server.Respond(StatusCodes.Status200OK, """
            {"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"http://x/\uD800"}],
             "entry":[{"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"}}}]}
            """);

        var result = await CreateClient().SearchAsync(Target(), "Condition?patient=p1", CancellationToken.None);

        Assert.Equal(["c1"], result.Resources.Select(r => r.Id));
        Assert.Contains(result.EntryErrors, e => e.Path == "$.link");
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SearchAsync_EntryWithAStringThatIsNoText_IsAnEntryError_AndTheOthersAreRead()
    {
        _server.Respond(StatusCodes.Status200OK, """
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},"note":[{"text":"\uDC00"}]}},
              {"resource":{"resourceType":"Condition","id":"c2","subject":{"reference":"Patient/p1"}}}]}
            """);

        var result = await CreateClient().SearchAsync(Target(), "Condition?patient=p1", CancellationToken.None);

        Assert.Equal(["c2"], result.Resources.Select(r => r.Id));
        Assert.Single(result.EntryErrors);
    }
}
