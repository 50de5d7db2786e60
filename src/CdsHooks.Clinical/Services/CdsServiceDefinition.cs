namespace CdsHooks.Clinical.Services;

/// <summary>A CDS service this product offers: the hook it answers and the data it asks the EHR to prefetch.</summary>
public sealed record CdsServiceDefinition
{
    /// <summary>The service id; the service is called at <c>{baseUrl}/cds-services/{id}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The hook, e.g. <c>patient-view</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>The <c>hookVersion</c> of the hook definition implemented.</summary>
    public required string HookVersion { get; init; }

    /// <summary>A short human-friendly title.</summary>
    public required string Title { get; init; }

    /// <summary>What the service does, in markdown.</summary>
    public required string Description { get; init; }

    /// <summary>The prefetch templates, in discovery order.</summary>
    public required IReadOnlyList<PrefetchKey> Prefetch { get; init; }
}
