using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Cards;

/// <summary>The result of one rule for one patient and hook: what the card composer needs.</summary>
public sealed record RuleOutcome
{
    /// <summary>The pack.</summary>
    public required CompiledPack Pack { get; init; }

    /// <summary>The rule.</summary>
    public required CompiledRule Rule { get; init; }

    /// <summary>The criterion's value, facts and missing data.</summary>
    public required CriterionResult Result { get; init; }

    /// <summary>The draft order the rule matched, for order-time cards.</summary>
    public DraftOrder? MatchedDraftOrder { get; init; }

    /// <summary>Failed mechanisms counted, for card text.</summary>
    public IReadOnlyList<string> FailedMechanisms { get; init; } = [];

    /// <summary>How the criterion was evaluated, part by part; only when a trace was asked for.</summary>
    public CriterionTrace? Trace { get; init; }
}
