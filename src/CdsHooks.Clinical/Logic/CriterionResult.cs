namespace CdsHooks.Clinical.Logic;

/// <summary>
/// The value of one criterion, with the facts (resource references and their role) that decided it
/// and the data that would have been needed to decide it when it is unknown.
/// </summary>
public sealed record CriterionResult(Tri Value, IReadOnlyList<Fact> Facts, IReadOnlyList<string> Missing)
{
    /// <summary>A true result with no supporting facts.</summary>
    public static CriterionResult True { get; } = new(Tri.True, [], []);

    /// <summary>A false result with no supporting facts.</summary>
    public static CriterionResult False { get; } = new(Tri.False, [], []);

    /// <summary>Builds a result from a boolean and its facts.</summary>
    public static CriterionResult Of(bool value, IReadOnlyList<Fact> facts) => new(TriLogic.From(value), facts, []);

    /// <summary>An unknown result naming what is missing.</summary>
    public static CriterionResult Unknown(params string[] missing) => new(Tri.Unknown, [], missing);
}

/// <summary>A resource that decided a criterion, and the role it played (no PHI beyond the reference).</summary>
/// <param name="Reference">A relative reference such as <c>MedicationStatement/ms-2</c>.</param>
/// <param name="Role">What the resource showed, e.g. "failed anti-TNF: secondary loss of response".</param>
public sealed record Fact(string Reference, string Role);
