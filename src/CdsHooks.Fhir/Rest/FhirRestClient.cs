using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// A FHIR R4 REST client for reads and searches (a typed <see cref="HttpClient"/>): used when the EHR's
/// prefetch lacks data (CDS Hooks 2.0, "Prefetch", the service may query <c>fhirServer</c> itself).
/// </summary>
/// <remarks>
/// <para>Every GET runs through a retry-around-timeout pipeline (<see cref="FhirClientOptions"/>) and its
/// body is read with a size bound. The bearer token is sent only to URLs under the target's base URL.</para>
/// <para>Failures are <see cref="FhirRequestException"/>s with stable codes; cancellation by the caller is
/// an <see cref="OperationCanceledException"/>, never wrapped or retried.</para>
/// </remarks>
public sealed partial class FhirRestClient
{
    private readonly HttpClient _httpClient;
    private readonly FhirClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FhirRestClient> _logger;
    private readonly ResiliencePipeline<FhirHttpResponse> _pipeline;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">The HTTP client (from <c>IHttpClientFactory</c> as a typed client); its own timeout should be infinite, as the pipeline owns timeouts.</param>
    /// <param name="pipeline">The shared retry-around-timeout pipeline.</param>
    /// <param name="options">Timeouts, retries, paging and size limits.</param>
    /// <param name="time">The clock for durations.</param>
    /// <param name="logger">The logger.</param>
    public FhirRestClient(HttpClient httpClient, FhirRequestPipeline pipeline, IOptions<FhirClientOptions> options, TimeProvider time, ILogger<FhirRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _pipeline = pipeline.Pipeline;
    }

    /// <summary>Reads one resource: <c>GET {base}/{relativeUrl}</c>.</summary>
    /// <param name="server">The FHIR server and its token.</param>
    /// <param name="relativeUrl">The URL below the base, e.g. <c>Patient/123</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resource read (of whatever type the server returned).</returns>
    /// <exception cref="FhirRequestException">A non-2xx answer, timeout, network failure, oversized or unreadable body.</exception>
    /// <exception cref="ArgumentException"><paramref name="relativeUrl"/> would leave the base URL, or the base URL is not absolute http(s).</exception>
    public async Task<Resource> ReadAsync(FhirServerTarget server, string relativeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var baseUrl = FhirUrls.NormalizeBase(server.BaseUrl);
        var url = FhirUrls.ResolveRequest(baseUrl, relativeUrl);
        var info = new FhirRequestInfo(FhirUrls.ResourceTypeOf(baseUrl, url, FhirUrls.UnknownResourceType), FhirUrls.Authority(url));

        var response = await GetAsync(server, baseUrl, url, info, cancellationToken).ConfigureAwait(false);
        try
        {
            return FhirJson.DeserializeResource(response.Body.Span);
        }
        catch (FhirJsonException ex)
        {
            throw Fail(NotFhirJson(info, ex, response.StatusCode));
        }
    }

    /// <summary>Searches: <c>GET {base}/{relativeUrl}</c>, then follows <c>next</c> links within the limits.</summary>
    /// <param name="server">The FHIR server and its token.</param>
    /// <param name="relativeUrl">The search below the base, e.g. <c>Condition?patient=123&amp;_sort=-date</c>.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The resources of every page read and why paging stopped; a later page failing gives a partial result.</returns>
    /// <exception cref="FhirRequestException">The first page failed.</exception>
    /// <exception cref="ArgumentException"><paramref name="relativeUrl"/> would leave the base URL, or the base URL is not absolute http(s).</exception>
    public Task<FhirSearchResult> SearchAsync(FhirServerTarget server, string relativeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var baseUrl = FhirUrls.NormalizeBase(server.BaseUrl);
        var url = FhirUrls.ResolveRequest(baseUrl, relativeUrl);
        return PageAsync(server, baseUrl, url, cancellationToken);
    }

    /// <summary>
    /// Continues a search from a <c>next</c> link found elsewhere (e.g. in a Bundle the EHR prefetched), with
    /// the same paging rules. A link outside the base URL is not followed: the result is empty with
    /// <see cref="FhirPagingStop.ForeignNextLink"/>.
    /// </summary>
    /// <param name="server">The FHIR server and its token.</param>
    /// <param name="nextLink">The next link, absolute or relative to the base URL.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The resources of every page read and why paging stopped.</returns>
    /// <exception cref="FhirRequestException">The first page read failed.</exception>
    public Task<FhirSearchResult> ContinueSearchAsync(FhirServerTarget server, string nextLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var baseUrl = FhirUrls.NormalizeBase(server.BaseUrl);
        if (!TryFollow(baseUrl, nextLink, FhirUrls.UnknownResourceType, FhirUrls.Authority(baseUrl), out var url))
        {
            return Task.FromResult(new FhirSearchResult { Resources = [], EntryErrors = [], PagesRead = 0, Stop = FhirPagingStop.ForeignNextLink });
        }

        return PageAsync(server, baseUrl, url, cancellationToken);
    }

    private FhirRequestException Fail(FhirRequestException exception)
    {
        FhirRestLog.RequestFailed(_logger, exception.ResourceType, exception.ServerAuthority, exception.Code, exception.StatusCode);
        return exception;
    }

    // The JSON error's code and path name no content; its inner exceptions may quote body bytes, so they stay behind.
    private static FhirRequestException NotFhirJson(FhirRequestInfo info, FhirJsonException error, int statusCode)
        => info.Failure(FhirRestErrorCodes.NotFhirJson, $"The body is not a FHIR resource ({error.Code} at '{error.InstancePath}').", statusCode);
}
