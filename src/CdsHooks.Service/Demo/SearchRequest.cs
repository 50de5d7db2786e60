using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A parsed, validated search on one resource type.</summary>
internal sealed record SearchRequest
{
    /// <summary>The type searched.</summary>
    public required ResourceSearchDefinition Definition { get; init; }

    /// <summary>The filters; a resource must pass all of them (FHIR: repeated parameters = AND).</summary>
    public required IReadOnlyList<Func<Resource, bool>> Filters { get; init; }

    /// <summary>The sort keys, most significant first; ties keep load order.</summary>
    public required IReadOnlyList<SortKey> Sort { get; init; }

    /// <summary>The page size (already capped).</summary>
    public required int Count { get; init; }

    /// <summary>How many matches to skip.</summary>
    public required int Offset { get; init; }

    /// <summary>The parameters as received, minus paging ones, to rebuild self and next links.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> LinkParameters { get; init; }
}
