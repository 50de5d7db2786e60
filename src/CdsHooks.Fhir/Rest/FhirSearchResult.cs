using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Rest;

/// <summary>What a FHIR search read, across all the pages followed, and why paging stopped.</summary>
public sealed record FhirSearchResult
{
    /// <summary>The resources read from every page, in server order (outcome entries excluded).</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }

    /// <summary>One error per entry that could not be read; paths are relative to the page's Bundle (e.g. <c>$.entry[3].resource.onsetDateTime</c>).</summary>
    public required IReadOnlyList<FhirJsonError> EntryErrors { get; init; }

    /// <summary>How many pages were read.</summary>
    public required int PagesRead { get; init; }

    /// <summary>Why paging stopped.</summary>
    public required FhirPagingStop Stop { get; init; }

    /// <summary>The failure of the page that could not be read, when <see cref="Stop"/> is <see cref="FhirPagingStop.PageFailed"/>.</summary>
    public FhirRequestException? PageFailure { get; init; }

    /// <summary>The server's warnings about the search (OperationOutcome entries with <c>search.mode</c> <c>outcome</c>), from every page.</summary>
    public IReadOnlyList<OperationOutcome> Outcomes { get; init; } = [];

    /// <summary>The first page's <c>Bundle.total</c>, the server's count of all matches, when it gave one.</summary>
    public int? Total { get; init; }

    /// <summary>Whether every page was read. When false the resources are a prefix of the matches: treat what is missing as unknown, not absent.</summary>
    public bool IsComplete => Stop == FhirPagingStop.Complete;
}
