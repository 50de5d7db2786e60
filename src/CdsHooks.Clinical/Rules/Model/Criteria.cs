namespace CdsHooks.Clinical.Rules.Model;

/// <summary>
/// A typed predicate of the rule language. Every criterion evaluates to true, false or unknown.
/// The constructs are documented once, in <c>src/CdsHooks.Clinical/Rules/README.md</c>.
/// </summary>
public abstract record Criterion
{
    /// <summary>Where the criterion was written (file:line), for error messages.</summary>
    public required string Origin { get; init; }
}

/// <summary><c>all</c>: true when every part is true; false when any is false; else unknown.</summary>
public sealed record AllCriterion(IReadOnlyList<Criterion> Parts) : Criterion;

/// <summary><c>any</c>: true when any part is true; false when every part is false; else unknown.</summary>
public sealed record AnyCriterion(IReadOnlyList<Criterion> Parts) : Criterion;

/// <summary><c>not</c>: negation; unknown stays unknown.</summary>
public sealed record NotCriterion(Criterion Inner) : Criterion;

/// <summary><c>ref</c>: a named definition of the same pack (memoised per evaluation).</summary>
public sealed record RefCriterion(string Name) : Criterion;

/// <summary><c>diagnosis</c>: a current (or any, when <see cref="ActiveOnly"/> is false) diagnosis in a value set.</summary>
public sealed record DiagnosisCriterion(string ValueSet, bool ActiveOnly) : Criterion;

/// <summary>
/// <c>failedMechanisms</c>: at least N distinct mechanism classes of therapies in a value set failed.
/// Two drugs of one class count once. Unknown when undetermined outcomes could still reach N.
/// </summary>
public sealed record FailedMechanismsCriterion(
    string ValueSet, Parameter<decimal> AtLeast, Parameter<bool> IntoleranceCounts) : Criterion;

/// <summary>Which therapy episodes a <see cref="TherapyCriterion"/> considers.</summary>
public enum TherapyState
{
    /// <summary>Any episode, past or present.</summary>
    Ever,

    /// <summary>Running at the evaluation time.</summary>
    Active,

    /// <summary>Ended.</summary>
    Ended,

    /// <summary>
    /// Still being given by its FHIR status (active, intended, on-hold, not past its end), even when a failure such as
    /// progression is already recorded: a drug continued beyond progression.
    /// </summary>
    Running,
}

/// <summary>
/// <c>therapy</c>: an episode of a therapy in a value set, optionally in a state, with an outcome,
/// started within or before a span, or lasting at least a span.
/// </summary>
public sealed record TherapyCriterion(
    string ValueSet,
    TherapyState State,
    IReadOnlyList<string>? Outcomes,
    Parameter<ClinicalDuration>? StartedWithin,
    Parameter<ClinicalDuration>? StartedBefore,
    Parameter<ClinicalDuration>? LastedAtLeast) : Criterion
{
    /// <summary>
    /// With a value set of diagnoses: only episodes that started on or after the first onset of such a diagnosis
    /// (e.g. lines for metastatic disease, not adjuvant therapy given years before).
    /// </summary>
    public string? SinceDiagnosis { get; init; }
}

/// <summary>
/// <c>observation</c>: the latest observation of a value set within a window, compared with a threshold
/// (converted to <see cref="Unit"/>), or with a coded value in a value set; or, with <see cref="ExistsOnly"/>,
/// whether any such observation exists (with <see cref="CodedValueSet"/>: any with a coded value in that set).
/// Unknown when no observation is in the window (except for exists).
/// </summary>
public sealed record ObservationCriterion(
    string ValueSet,
    Parameter<ClinicalDuration>? Within,
    Comparison? Comparison,
    Parameter<decimal>? Value,
    string? Unit,
    string? CodedValueSet,
    bool ExistsOnly) : Criterion
{
    /// <summary>
    /// Only observations with a component whose coded value is in this value set count, e.g. the gene studied
    /// (LOINC 48018-6) of a genetic variant assessment in the HL7 genomics reporting pattern.
    /// </summary>
    public string? ComponentValueSet { get; init; }
}

/// <summary><c>procedure</c>: a procedure in a value set, optionally within a window.</summary>
public sealed record ProcedureCriterion(string ValueSet, Parameter<ClinicalDuration>? Within) : Criterion;

/// <summary><c>age</c>: the patient's age in whole years compared with a threshold. Unknown without a birth date.</summary>
public sealed record AgeCriterion(Comparison Comparison, Parameter<decimal> Years) : Criterion;

/// <summary><c>sex</c>: administrative gender. Unknown when not recorded.</summary>
public sealed record SexCriterion(string Gender) : Criterion;

/// <summary>
/// <c>draftOrder</c>: an order being selected or signed is in a value set. By default only orders to give the item
/// match; with <see cref="Stopping"/>, only orders not to give it (<c>doNotPerform</c>, e.g. "stop infliximab").
/// </summary>
public sealed record DraftOrderCriterion(string ValueSet, bool Stopping) : Criterion;

/// <summary>Which edge of an event <see cref="TimeSinceCriterion"/> measures from.</summary>
public enum EventEdge
{
    /// <summary>The start (onset, first dose, procedure date).</summary>
    Start,

    /// <summary>The end (last dose); falls back to the start for instantaneous events.</summary>
    End,
}

/// <summary>
/// <c>timeSince</c>: the time from the latest matching event (a therapy, diagnosis, procedure or observation in a value set)
/// to the evaluation time, compared with a span. False when there is no such event; unknown when it has no date.
/// </summary>
public sealed record TimeSinceCriterion(
    string EventType, string ValueSet, EventEdge Edge, Comparison Comparison, Parameter<ClinicalDuration> Span) : Criterion;

/// <summary><c>concurrentMechanisms</c>: at least N distinct mechanisms of a value set are active at the same time now.</summary>
public sealed record ConcurrentMechanismsCriterion(string ValueSet, Parameter<decimal> AtLeast, bool IncludeDraftOrders) : Criterion;

/// <summary>
/// A value written either literally or as <c>$name</c>, a reference to a pack assumption that a site may override.
/// </summary>
public sealed record Parameter<T>(T Literal, string? AssumptionName);

/// <summary>
/// <c>linesOfTherapy</c>: the number of lines of therapy among episodes in a value set, compared with a count.
/// With <see cref="EndedOnly"/>, only lines whose drugs have all ended (prior lines) are counted.
/// </summary>
public sealed record LinesOfTherapyCriterion(string ValueSet, Comparison Comparison, Parameter<decimal> Count, bool EndedOnly) : Criterion;

/// <summary>One end of an <see cref="IntervalCriterion"/>: an event kind, its value set and which date it gives.</summary>
/// <param name="EventType">therapy, diagnosis, procedure or observation.</param>
/// <param name="ValueSet">The value set the event's code must be in.</param>
/// <param name="Edge">Start or end (therapies and procedures).</param>
/// <param name="Line">For therapies: only episodes of this line of therapy (lines counted within the value set).</param>
/// <param name="CodedValueSet">For observations: the coded value must be in this value set.</param>
public sealed record EventSelector(string EventType, string ValueSet, EventEdge Edge, int? Line, string? CodedValueSet);

/// <summary>
/// <c>interval</c>: the time from an event to the first later event of another kind, compared with a span.
/// False when either event does not exist; unknown when one is undated or its data could not be retrieved.
/// </summary>
public sealed record IntervalCriterion(EventSelector From, EventSelector To, Comparison Comparison, Parameter<ClinicalDuration> Span) : Criterion;

/// <summary><c>assumption</c>: a boolean assumption (a site's policy switch) used as a criterion.</summary>
public sealed record AssumptionCriterion(string Name) : Criterion;

/// <summary>
/// <c>genomicResult</c>: the latest genomic result for a gene, from a gene-specific test (<see cref="ValueSet"/>) or from a
/// generic variant assessment (<see cref="VariantAssessment"/>) whose component names a gene in <see cref="Gene"/>;
/// compared with a coded value set, or tested for existence.
/// </summary>
public sealed record GenomicResultCriterion(
    string? ValueSet,
    string? VariantAssessment,
    string? Gene,
    Parameter<ClinicalDuration>? Within,
    string? CodedValueSet,
    bool ExistsOnly) : Criterion;
