using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Explanation;

/// <summary>Why one rule reached its value for one patient: the engine's trace, the evidence, the policy and the gaps.</summary>
public sealed record RuleExplanation
{
    /// <summary>Pack id.</summary>
    public required string Pack { get; init; }

    /// <summary>Pack title.</summary>
    public required string PackTitle { get; init; }

    /// <summary>Pack version.</summary>
    public required string PackVersion { get; init; }

    /// <summary>Rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Rule version.</summary>
    public required string RuleVersion { get; init; }

    /// <summary>The card kind code, e.g. <c>refractory-status</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>refractory, not-refractory or insufficient-data; for refractory-status rules only.</summary>
    public string? Status { get; init; }

    /// <summary>The criterion's value.</summary>
    public required Tri Value { get; init; }

    /// <summary>The criterion tree as the engine evaluated it.</summary>
    public required CriterionTrace Criteria { get; init; }

    /// <summary>The evidence behind the rule.</summary>
    public required IReadOnlyList<EvidenceExplanation> Evidence { get; init; }

    /// <summary>The assumptions (local policy) the rule's criterion uses, with their values in force.</summary>
    public required IReadOnlyList<AssumptionExplanation> Assumptions { get; init; }

    /// <summary>What data would decide the criterion, when it is unknown; otherwise empty.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
}

/// <summary>One citation: the source, where in it, its grade or level, and the figures quoted as printed.</summary>
public sealed record EvidenceExplanation(
    string Source,
    Uri? Url,
    string? Section,
    string? Reference,
    string? Grade,
    string? Level,
    IReadOnlyList<string> Figures,
    string? Note,
    bool GeneralKnowledge);

/// <summary>An assumption in force: its value here, the pack default, and what it decides.</summary>
public sealed record AssumptionExplanation(string Name, string Value, string Default, string Description)
{
    /// <summary>Whether the site changed it from the pack default.</summary>
    public bool Overridden => Value != Default;
}
