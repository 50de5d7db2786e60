namespace CdsHooks.Clinical.Rules.Model;

/// <summary>
/// <c>abnormal</c>: the latest result of a value set within a window lies above (or below) the laboratory's reference
/// range: by its value against the range's bound when both are given in comparable units, else by the laboratory's
/// interpretation flag. Unknown when the result has neither, or when there is no result.
/// </summary>
/// <param name="ValueSet">The observation codes.</param>
/// <param name="Within">How recent the result must be.</param>
/// <param name="High">True for "above the upper limit", false for "below the lower limit".</param>
public sealed record AbnormalResultCriterion(string ValueSet, Parameter<ClinicalDuration>? Within, bool High) : Criterion;
