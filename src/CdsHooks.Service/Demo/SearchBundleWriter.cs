using CdsHooks.Fhir.Model;
using Microsoft.AspNetCore.Http.Extensions;

namespace CdsHooks.Service.Demo;

/// <summary>Writes a search result as a FHIR <c>searchset</c> Bundle with <c>self</c> and <c>next</c> links.</summary>
internal static class SearchBundleWriter
{
    /// <summary>Builds the Bundle.</summary>
    /// <param name="request">The search.</param>
    /// <param name="page">Its result.</param>
    /// <param name="baseUrl">The endpoint's absolute base, e.g. <c>http://127.0.0.1:5000/fhir</c>.</param>
    /// <returns>The Bundle.</returns>
    public static Bundle Write(SearchRequest request, SearchPage page, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var type = request.Definition.Type;
        var links = new List<BundleLink> { new() { Relation = "self", Url = PageUrl(request, baseUrl, request.Offset) } };
        var nextOffset = request.Offset + request.Count;
        if (request.Count > 0 && nextOffset < page.Total)
        {
            links.Add(new BundleLink { Relation = "next", Url = PageUrl(request, baseUrl, nextOffset) });
        }

        return new Bundle
        {
            Type = "searchset",
            Total = page.Total,
            Link = links,
            Entry = page.Entries.Select(resource => new BundleEntry
            {
                FullUrl = $"{baseUrl}/{type}/{resource.Id}",
                Resource = resource,
                Search = new BundleEntrySearch { Mode = "match" },
            }).ToList(),
        };
    }

    private static string PageUrl(SearchRequest request, string baseUrl, int offset)
    {
        var query = new QueryBuilder(request.LinkParameters)
        {
            { "_count", request.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (offset > 0)
        {
            query.Add(SearchRequestParser.OffsetParameter, offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return $"{baseUrl}/{request.Definition.Type}{query}";
    }
}
