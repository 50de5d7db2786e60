using CdsHooks.Protocol.Cards;

namespace CdsHooks.Protocol.Feedback;

/// <summary>Why the user overrode a card; at least one of the two fields is present (cds-fb-3).</summary>
public sealed record OverrideReason
{
    /// <summary>CONDITIONAL. The reason picked from the card's <c>overrideReasons</c>.</summary>
    public CdsCoding? Reason { get; init; }

    /// <summary>OPTIONAL. Free text from the user. May contain PHI: never log it.</summary>
    public string? UserComment { get; init; }
}
