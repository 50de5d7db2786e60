using CdsHooks.Clinical.Invocation;

namespace CdsHooks.Clinical.Explanation;

/// <summary>The explanation of every rule evaluated for one hook call.</summary>
/// <param name="AsOf">The evaluation instant.</param>
/// <param name="Rules">One explanation per rule evaluated, packs in load order, rules in priority order.</param>
/// <param name="DataGaps">Data the service could not obtain; criteria that needed it are unknown.</param>
public sealed record AssessmentExplanation(DateTimeOffset AsOf, IReadOnlyList<RuleExplanation> Rules, IReadOnlyList<DataGap> DataGaps);
