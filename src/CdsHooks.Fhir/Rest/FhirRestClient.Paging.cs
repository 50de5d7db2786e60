using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Rest;

/// <summary>Following a search's <c>next</c> links within the page limit, the base URL and without cycles.</summary>
public sealed partial class FhirRestClient
{
    private async Task<FhirSearchResult> PageAsync(FhirServerTarget server, Uri baseUrl, Uri firstUrl, CancellationToken cancellationToken)
    {
        // Later pages keep the first page's type: servers' paging URLs often name none.
        var info = new FhirRequestInfo(FhirUrls.ResourceTypeOf(baseUrl, firstUrl, FhirUrls.UnknownResourceType), FhirUrls.Authority(baseUrl));
        var read = new SearchAccumulator();
        var visited = new HashSet<string>(StringComparer.Ordinal) { firstUrl.AbsoluteUri };
        var url = firstUrl;
        while (true)
        {
            SearchSetPage page;
            try
            {
                page = await ReadPageAsync(server, baseUrl, url, info, cancellationToken).ConfigureAwait(false);
            }
            catch (FhirRequestException ex) when (read.Pages > 0)
            {
                return Finish(info, read, FhirPagingStop.PageFailed, ex);
            }

            read.Add(page);
            if (page.Errors.Count > 0)
            {
                FhirRestLog.EntriesUnreadable(_logger, page.Errors.Count, info.ResourceType, info.ServerAuthority);
            }

            if (page.NextLink is null)
            {
                return Finish(info, read, FhirPagingStop.Complete);
            }

            if (!TryFollow(baseUrl, page.NextLink, info.ResourceType, info.ServerAuthority, out var next))
            {
                return Finish(info, read, FhirPagingStop.ForeignNextLink);
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                return Finish(info, read, FhirPagingStop.CycleDetected);
            }

            if (read.Pages >= _options.MaxPages)
            {
                return Finish(info, read, FhirPagingStop.PageLimitReached);
            }

            url = next;
        }
    }

    // A next link is followed only below the base URL, so the token never travels elsewhere; one that is not is logged.
    private bool TryFollow(Uri baseUrl, string link, string resourceType, string serverAuthority, out Uri next)
    {
        bool parsed = FhirUrls.TryResolveLink(baseUrl, link, out next);
        if (parsed && FhirUrls.IsUnderBase(baseUrl, next))
        {
            return true;
        }

        FhirRestLog.ForeignNextLink(_logger, resourceType, serverAuthority, parsed ? FhirUrls.Authority(next) : "(unparsable)");
        return false;
    }

    private async Task<SearchSetPage> ReadPageAsync(FhirServerTarget server, Uri baseUrl, Uri url, FhirRequestInfo info, CancellationToken cancellationToken)
    {
        var response = await GetAsync(server, baseUrl, url, info, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(response.Body);

            // Resources read from the document own their data, so it can be disposed here.
            return SearchSetReader.Read(document.RootElement);
        }
        catch (FhirJsonException ex)
        {
            throw Fail(NotFhirJson(info, ex, response.StatusCode));
        }
        catch (JsonException)
        {
            throw Fail(info.Failure(FhirRestErrorCodes.NotFhirJson, "The body is not well-formed JSON.", response.StatusCode));
        }
    }

    private FhirSearchResult Finish(FhirRequestInfo info, SearchAccumulator read, FhirPagingStop stop, FhirRequestException? failure = null)
    {
        if (stop == FhirPagingStop.Complete)
        {
            FhirRestLog.SearchCompleted(_logger, info.ResourceType, info.ServerAuthority, read.Resources.Count, read.Pages);
        }
        else
        {
            FhirRestLog.PagingStopped(_logger, info.ResourceType, info.ServerAuthority, read.Pages, stop);
        }

        return new FhirSearchResult
        {
            Resources = read.Resources,
            EntryErrors = read.Errors,
            PagesRead = read.Pages,
            Stop = stop,
            PageFailure = failure,
            Outcomes = read.Outcomes,
            Total = read.Total,
        };
    }

    private sealed class SearchAccumulator
    {
        public List<Resource> Resources { get; } = [];

        public List<FhirJsonError> Errors { get; } = [];

        public List<OperationOutcome> Outcomes { get; } = [];

        public int Pages { get; private set; }

        public int? Total { get; private set; }

        public void Add(SearchSetPage page)
        {
            if (Pages++ == 0)
            {
                Total = page.Total;
            }

            Resources.AddRange(page.Resources);
            Errors.AddRange(page.Errors);
            Outcomes.AddRange(page.Outcomes);
        }
    }
}
