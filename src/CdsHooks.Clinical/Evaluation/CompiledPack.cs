using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>A pack compiled once at startup: evaluators linked, value sets and assumptions resolved.</summary>
public sealed record CompiledPack
{
    /// <summary>The pack as written.</summary>
    public required KnowledgePack Pack { get; init; }

    /// <summary>The scope evaluator.</summary>
    public required Evaluator Scope { get; init; }

    /// <summary>The rules, in priority order.</summary>
    public required IReadOnlyList<CompiledRule> Rules { get; init; }

    /// <summary>How many named definitions the pack has (the size of the per-evaluation memo).</summary>
    public required int DefinitionCount { get; init; }
}

/// <summary>A compiled rule with the assumptions it depends on.</summary>
public sealed record CompiledRule
{
    /// <summary>The rule as written.</summary>
    public required RuleDefinition Rule { get; init; }

    /// <summary>The compiled criterion.</summary>
    public required Evaluator When { get; init; }

    /// <summary>The assumptions the rule's criterion uses (directly or through definitions), with their values.</summary>
    public required IReadOnlyList<AssumptionValue> Assumptions { get; init; }
}

/// <summary>An assumption's effective value for this site, and the pack default.</summary>
/// <param name="Name">The assumption name.</param>
/// <param name="Value">The effective value (site override or default).</param>
/// <param name="Default">The pack default.</param>
/// <param name="Description">What it decides.</param>
/// <param name="Type">Its type.</param>
public sealed record AssumptionValue(string Name, string Value, string Default, string Description, AssumptionType Type);
