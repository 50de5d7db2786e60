namespace CdsHooks.Protocol.Cards;

/// <summary>CDS Hooks' own Coding type: a code from a code system.</summary>
public sealed record CdsCoding
{
    /// <summary>REQUIRED. The code.</summary>
    public required string Code { get; init; }

    /// <summary>REQUIRED. The code system URI.</summary>
    public required string System { get; init; }

    /// <summary>CONDITIONAL. The human-readable text; REQUIRED for override reasons (cds-resp-4), optional for a topic.</summary>
    public string? Display { get; init; }
}
