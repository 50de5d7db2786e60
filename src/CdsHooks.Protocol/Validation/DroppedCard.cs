using CdsHooks.Protocol.Cards;

namespace CdsHooks.Protocol.Validation;

/// <summary>A card the self-check removed from a response, with the reasons.</summary>
public sealed record DroppedCard
{
    /// <summary>The card's index in the checked response.</summary>
    public required int Index { get; init; }

    /// <summary>The card as produced.</summary>
    public required Card Card { get; init; }

    /// <summary>The rules it broke; never empty.</summary>
    public required IReadOnlyList<SelfCheckViolation> Violations { get; init; }
}
