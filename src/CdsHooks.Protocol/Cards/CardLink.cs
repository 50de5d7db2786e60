namespace CdsHooks.Protocol.Cards;

/// <summary>A link to a web page or SMART app (CDS Hooks §Link).</summary>
public sealed record CardLink
{
    /// <summary>REQUIRED. Human-readable label.</summary>
    public required string Label { get; init; }

    /// <summary>REQUIRED. An absolute URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>REQUIRED. <c>absolute</c> or <c>smart</c>.</summary>
    public required CardLinkType Type { get; init; }

    /// <summary>OPTIONAL, only on <c>smart</c> links (cds-resp-3). Passed to the app in the SMART token response.</summary>
    public string? AppContext { get; init; }

    /// <summary>OPTIONAL (2.0). A hint that the client may launch the app without showing the card.</summary>
    public bool? Autolaunchable { get; init; }
}
