using System.Net.Http.Headers;
using Polly;

namespace CdsHooks.Fhir.Rest;

/// <summary>One GET through the resilience pipeline: headers, token rule, status and body checks, error mapping.</summary>
public sealed partial class FhirRestClient
{
    // Returns only 2xx answers with a FHIR JSON body read within the size limit; everything else throws.
    private async Task<FhirHttpResponse> GetAsync(FhirServerTarget server, Uri baseUrl, Uri url, FhirRequestInfo info, CancellationToken cancellationToken)
    {
        var attempt = new AttemptState(this, server, baseUrl, url, info);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FhirResiliencePipeline.RequestInfo, info);
        FhirHttpResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Client.SendOnceAsync(state, ctx.CancellationToken), context, attempt).ConfigureAwait(false);
        }
        catch (FhirRequestException ex)
        {
            Fail(ex);
            throw;
        }
        catch (Exception ex) when (FhirResiliencePipeline.IsAttemptTimeout(ex, cancellationToken))
        {
            throw Fail(info.Failure(
                FhirRestErrorCodes.Timeout,
                $"No complete answer within {(long)_options.AttemptTimeout.TotalMilliseconds} ms in {attempt.Count} attempt(s)."));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // Only the error kind: exception messages may echo the URL.
            var kind = (ex as HttpRequestException)?.HttpRequestError.ToString() ?? ex.GetType().Name;
            throw Fail(info.Failure(FhirRestErrorCodes.NetworkFailure, $"The request failed ({kind}) in {attempt.Count} attempt(s)."));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!response.IsSuccess)
        {
            throw Fail(info.Failure(FhirRestErrorCodes.HttpError, $"The server answered with a non-success status in {attempt.Count} attempt(s).", response.StatusCode));
        }

        return response;
    }

    private async ValueTask<FhirHttpResponse> SendOnceAsync(AttemptState state, CancellationToken cancellationToken)
    {
        var attempt = ++state.Count;
        var started = _time.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, state.Url);
        request.Headers.TryAddWithoutValidation("Accept", FhirMediaTypes.AcceptHeader);

        // The one place the token is attached, and only for the base URL it was issued for.
        if (state.Server.BearerToken is { Length: > 0 } token && FhirUrls.IsUnderBase(state.BaseUrl, state.Url))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            // The body of an error answer is never read: it could carry patient data into an exception.
            LogCompleted(state, status, started, attempt);
            return new FhirHttpResponse(status, ReadOnlyMemory<byte>.Empty);
        }

        var contentType = response.Content.Headers.ContentType;
        if (!FhirMediaTypes.IsFhirJson(contentType))
        {
            throw state.Info.Failure(
                FhirRestErrorCodes.NotFhirJson,
                $"The content type '{contentType?.MediaType ?? "(none)"}' is not FHIR JSON.",
                status);
        }

        var body = await FhirResponseReader.ReadBoundedAsync(response.Content, _options.MaxResponseBytes, state.Info, status, cancellationToken).ConfigureAwait(false);
        LogCompleted(state, status, started, attempt);
        return new FhirHttpResponse(status, body);
    }

    private void LogCompleted(AttemptState state, int status, long started, int attempt)
    {
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        FhirRestLog.RequestCompleted(_logger, state.Info.ResourceType, state.Info.ServerAuthority, status, elapsed, attempt);
    }

    private sealed class AttemptState(FhirRestClient client, FhirServerTarget server, Uri baseUrl, Uri url, FhirRequestInfo info)
    {
        public FhirRestClient Client { get; } = client;

        public FhirServerTarget Server { get; } = server;

        public Uri BaseUrl { get; } = baseUrl;

        public Uri Url { get; } = url;

        public FhirRequestInfo Info { get; } = info;

        public int Count { get; set; }
    }
}
