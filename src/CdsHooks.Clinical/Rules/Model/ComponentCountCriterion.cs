namespace CdsHooks.Clinical.Rules.Model;

/// <summary>
/// <c>componentCount</c>: in the latest observation of a value set within a window that has components, the number of
/// components whose coded value is in <see cref="CodedValueSet"/>, compared with a count (e.g. "at least 1 BILAG-2004
/// domain graded A"). Components present without a value count as not assessed: unknown if they could change the answer.
/// </summary>
public sealed record ComponentCountCriterion(
    string ValueSet,
    Parameter<ClinicalDuration>? Within,
    string CodedValueSet,
    Comparison Comparison,
    Parameter<decimal> Count) : Criterion;
