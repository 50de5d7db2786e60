namespace CdsHooks.Clinical.Rules.Model;

/// <summary>
/// <c>combinedTherapy</c>: a therapy of <see cref="ValueSet"/> was given together with a therapy of every set in
/// <see cref="With"/> for at least <see cref="AtLeast"/> (e.g. "a glucocorticoid with an immunosuppressant or a biologic
/// for at least 6 months"). With <see cref="Continuous"/> one unbroken run must last that long (gaps up to
/// <see cref="MaxGap"/> bridged); otherwise the runs add up. <see cref="State"/> <c>active</c> counts only a run that is
/// still going, <c>ended</c> only finished ones; <see cref="Outcomes"/> keeps only runs in which an episode of the
/// measured therapy has one of those outcomes. Unknown when missing dates or outcomes could change the answer.
/// </summary>
public sealed record CombinedTherapyCriterion(
    string ValueSet,
    IReadOnlyList<string> With,
    Parameter<ClinicalDuration> AtLeast,
    Parameter<bool> Continuous,
    Parameter<ClinicalDuration>? MaxGap,
    TherapyState State,
    IReadOnlyList<string>? Outcomes) : Criterion;
