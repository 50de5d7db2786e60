namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Bundle.entry</c>: an entry in the bundle.</summary>
public sealed record BundleEntry : Element
{
    /// <summary>URI for the resource.</summary>
    public string? FullUrl { get; set; }

    /// <summary>The resource in this entry, of any type.</summary>
    public Resource? Resource { get; set; }

    /// <summary>Search related information.</summary>
    public BundleEntrySearch? Search { get; set; }

    /// <summary>Transaction related information.</summary>
    public BundleEntryRequest? Request { get; set; }

    /// <summary>Results of execution.</summary>
    public BundleEntryResponse? Response { get; set; }
}
