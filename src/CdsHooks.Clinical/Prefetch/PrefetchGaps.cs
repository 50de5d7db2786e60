using System.Globalization;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Rest;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>The wording of data gaps: why a key's data is missing or incomplete, without any patient data.</summary>
internal static class PrefetchGaps
{
    public static string Unreadable(int count, FhirJsonError first) => count == 1
        ? $"one resource could not be read ({first.Code} at {first.Path})"
        : string.Create(CultureInfo.InvariantCulture, $"{count} resources could not be read (the first: {first.Code} at {first.Path})");

    public static string Describe(FhirRequestException error) => error.Code switch
    {
        FhirRestErrorCodes.HttpError when error.StatusCode is int status => string.Create(CultureInfo.InvariantCulture, $"the FHIR server answered HTTP {status}"),
        FhirRestErrorCodes.Timeout => "the FHIR server did not answer in time",
        FhirRestErrorCodes.NetworkFailure => "the FHIR server could not be reached",
        FhirRestErrorCodes.NotFhirJson => "the FHIR server's answer was not FHIR JSON",
        FhirRestErrorCodes.ResponseTooLarge => "the FHIR server's answer was larger than the configured limit",
        _ => $"the FHIR query failed ({error.Code})",
    };

    public static DataGap? FromSearch(PrefetchKey key, FhirSearchResult result)
    {
        string? paging = result.Stop switch
        {
            FhirPagingStop.Complete => null,
            FhirPagingStop.PageLimitReached => string.Create(CultureInfo.InvariantCulture, $"only the first {result.PagesRead} pages were read (the configured page limit)"),
            FhirPagingStop.CycleDetected => "paging stopped: a next link led back to a page already read",
            FhirPagingStop.ForeignNextLink => "paging stopped: a next link pointed outside fhirServer, and was not followed",
            FhirPagingStop.PageFailed => $"a later page failed: {(result.PageFailure is { } failure ? Describe(failure) : "unknown error")}",
            _ => "paging stopped early",
        };
        string? entries = result.EntryErrors.Count > 0 ? Unreadable(result.EntryErrors.Count, result.EntryErrors[0]) : null;
        if (paging is null && entries is null)
        {
            return null;
        }

        string reason = paging is not null && entries is not null ? $"{paging}; {entries}" : paging ?? entries!;
        return new DataGap(key.Key, key.ResourceType, reason, Partial: result.Resources.Count > 0);
    }

    // A key can miss data for more than one reason (an unreadable entry and a failed page); each one is kept.
    public static DataGap? Combine(DataGap? first, DataGap? second, bool someRead)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first with { Reason = $"{first.Reason}; {second.Reason}", Partial = someRead };
    }

    public static DataGap Foreign(PrefetchKey key, int count, bool keptSome) => new(
        key.Key,
        key.ResourceType,
        string.Create(CultureInfo.InvariantCulture, $"{count} resources named another patient as their subject and were ignored"),
        Partial: keptSome);
}
