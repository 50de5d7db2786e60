namespace CdsHooks.Clinical.Rules.Model;

/// <summary>
/// <c>titer</c>: the latest titre of a value set within a window, compared with a reciprocal dilution
/// (<c>value: 80</c> means 1:80). The titre may arrive as a quantity, a ratio, text or a coded answer; a result that
/// gives no titre ("positive") or only a bound that does not decide the comparison ("&lt;1:160" against 1:80) is unknown.
/// </summary>
public sealed record TiterCriterion(
    string ValueSet, Parameter<ClinicalDuration>? Within, Comparison Comparison, Parameter<decimal> Value) : Criterion;
