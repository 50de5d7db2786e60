namespace CdsHooks.Protocol.Cards;

/// <summary>Where a card's guidance comes from (CDS Hooks §Source).</summary>
public sealed record CardSource
{
    /// <summary>REQUIRED. A short, human-readable name of the source.</summary>
    public required string Label { get; init; }

    /// <summary>OPTIONAL. An absolute URL about the source (not for drill-down on the card).</summary>
    public Uri? Url { get; init; }

    /// <summary>OPTIONAL. An absolute URL of a 100×100 PNG icon, without transparency.</summary>
    public Uri? Icon { get; init; }

    /// <summary>OPTIONAL (2.0). The topic of the card, for grouping and analytics.</summary>
    public CdsCoding? Topic { get; init; }
}
