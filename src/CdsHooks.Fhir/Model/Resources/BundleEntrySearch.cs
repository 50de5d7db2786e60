namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Bundle.entry.search</c>: search related information.</summary>
public sealed record BundleEntrySearch : Element
{
    /// <summary>match | include | outcome.</summary>
    public string? Mode { get; set; }

    /// <summary>Search ranking (between 0 and 1).</summary>
    public decimal? Score { get; set; }
}
