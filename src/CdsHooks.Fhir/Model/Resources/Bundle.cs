namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Bundle</c>: a container for a collection of resources (e.g. a search result).</summary>
public sealed record Bundle : Resource
{
    /// <summary>The FHIR resource type name, <c>Bundle</c>.</summary>
    public const string TypeName = "Bundle";

    /// <summary>Creates an empty <c>Bundle</c>.</summary>
    public Bundle()
        : base(TypeName)
    {
    }

    /// <summary>Persistent identifier for the bundle.</summary>
    public Identifier? Identifier { get; set; }

    /// <summary>document | message | transaction | transaction-response | batch | batch-response | history | searchset | collection.</summary>
    public string? Type { get; set; }

    /// <summary>When the bundle was assembled.</summary>
    public FhirDateTime? Timestamp { get; set; }

    /// <summary>If search, the total number of matches.</summary>
    public int? Total { get; set; }

    /// <summary>Links related to this bundle (e.g. <c>next</c> page).</summary>
    public IReadOnlyList<BundleLink>? Link { get; set; }

    /// <summary>Entries in the bundle.</summary>
    public IReadOnlyList<BundleEntry>? Entry { get; set; }

    /// <summary>The URL of the link with the given relation (e.g. <c>next</c>), if any.</summary>
    /// <param name="relation">The link relation.</param>
    /// <returns>The URL, or null.</returns>
    public string? GetLink(string relation)
    {
        if (Link is null)
        {
            return null;
        }

        foreach (var link in Link)
        {
            if (string.Equals(link.Relation, relation, StringComparison.Ordinal))
            {
                return link.Url;
            }
        }

        return null;
    }
}
