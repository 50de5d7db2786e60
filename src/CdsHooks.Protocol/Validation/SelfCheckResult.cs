using CdsHooks.Protocol.Cards;
using CdsHooks.Protocol.Responses;

namespace CdsHooks.Protocol.Validation;

/// <summary>The outcome of <see cref="ResponseSelfCheck.Check"/>: what may be sent, and what was dropped and why.</summary>
public sealed record SelfCheckResult
{
    /// <summary>The cards that passed, in their original order.</summary>
    public required IReadOnlyList<Card> ValidCards { get; init; }

    /// <summary>The cards that broke a rule.</summary>
    public required IReadOnlyList<DroppedCard> DroppedCards { get; init; }

    /// <summary>The system actions that passed, in their original order.</summary>
    public required IReadOnlyList<CdsAction> ValidSystemActions { get; init; }

    /// <summary>The violations of the system actions that were dropped.</summary>
    public required IReadOnlyList<SelfCheckViolation> SystemActionViolations { get; init; }

    /// <summary><c>true</c> when nothing was dropped.</summary>
    public bool IsValid => DroppedCards.Count == 0 && SystemActionViolations.Count == 0;

    /// <summary>Every violation found, cards first.</summary>
    public IEnumerable<SelfCheckViolation> Violations =>
        DroppedCards.SelectMany(static dropped => dropped.Violations).Concat(SystemActionViolations);

    /// <summary>The response to send: only the valid cards and system actions; <c>systemActions</c> omitted when none remain.</summary>
    /// <returns>A response that passes the self-check.</returns>
    public CdsResponse ToValidResponse() => new()
    {
        Cards = ValidCards,
        SystemActions = ValidSystemActions.Count == 0 ? null : ValidSystemActions,
    };
}
