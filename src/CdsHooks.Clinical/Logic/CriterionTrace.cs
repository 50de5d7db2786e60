namespace CdsHooks.Clinical.Logic;

/// <summary>
/// One criterion as the engine evaluated it: what it asks, its value, the facts that decided it, what was missing, and
/// its parts. Recorded only when a caller asks for a trace (see <c>PackEvaluator.Evaluate</c> with <c>trace: true</c>),
/// so that the explanation shown to a clinician is the engine's own evaluation, not a second implementation.
/// </summary>
public sealed record CriterionTrace
{
    /// <summary>The rule-language construct, e.g. <c>all</c>, <c>ref</c>, <c>failedMechanisms</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What the criterion asks, in words, with assumption values resolved.</summary>
    public required string Description { get; init; }

    /// <summary>The value; <see cref="Tri.Unknown"/> also for parts that were not evaluated.</summary>
    public required Tri Value { get; init; }

    /// <summary>False for a part skipped because an earlier part already decided its <c>all</c>/<c>any</c>.</summary>
    public bool Evaluated { get; init; } = true;

    /// <summary>True for a definition whose memoised result was reused (its parts are those of the first evaluation).</summary>
    public bool Reused { get; init; }

    /// <summary>The resources that decided it, with their role.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>The data that would decide it, when unknown.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The parts, in the order written.</summary>
    public IReadOnlyList<CriterionTrace> Children { get; init; } = [];
}
