using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>A diagnosis that is not refuted or entered in error.</summary>
public sealed record Diagnosis
{
    /// <summary>Relative reference, e.g. <c>Condition/c1</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>The coded diagnosis.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>The value sets the code belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>Onset, with its recorded precision.</summary>
    public FhirDateTime? Onset { get; init; }

    /// <summary>The clinical-status code (active, recurrence, relapse, inactive, remission, resolved), if given.</summary>
    public string? ClinicalStatus { get; init; }

    /// <summary>The verification-status code (confirmed, provisional, differential, unconfirmed), if given.</summary>
    public string? VerificationStatus { get; init; }

    /// <summary>
    /// Active unless the status says otherwise: a Condition with no clinical status is taken as current,
    /// as problem lists from many EHRs omit it.
    /// </summary>
    public bool IsActive => ClinicalStatus is null or "active" or "recurrence" or "relapse";
}

/// <summary>Where a therapy episode came from.</summary>
public enum TherapySource
{
    /// <summary>A MedicationStatement.</summary>
    MedicationStatement,

    /// <summary>A non-draft MedicationRequest.</summary>
    MedicationRequest,

    /// <summary>A Procedure (surgery, transplant, cell-therapy infusion, local therapy...).</summary>
    Procedure,
}

/// <summary>One course of one therapy, with its outcome and line number.</summary>
public sealed record TherapyEpisode
{
    /// <summary>Relative reference of the source resource.</summary>
    public required string Reference { get; init; }

    /// <summary>The resource type it came from.</summary>
    public required TherapySource Source { get; init; }

    /// <summary>The drug, resolved to its INN and mechanism class; null for procedures and unknown drugs.</summary>
    public AgentInfo? Agent { get; init; }

    /// <summary>The coded therapy (medication code or procedure code).</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>The value sets the therapy's code belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>When it started.</summary>
    public FhirDateTime? Start { get; init; }

    /// <summary>When it ended; null while ongoing or when not recorded.</summary>
    public FhirDateTime? End { get; init; }

    /// <summary>The FHIR status (active, completed, stopped, on-hold...).</summary>
    public string? Status { get; init; }

    /// <summary>The outcome, read from statusReason, a linked Observation or a recorded progression.</summary>
    public required TherapyOutcome Outcome { get; init; }

    /// <summary>The resource that recorded the outcome, if not the episode itself.</summary>
    public string? OutcomeEvidence { get; init; }

    /// <summary>The line of therapy (1-based) among drug therapies with a known mechanism; null otherwise.</summary>
    public int? Line { get; init; }

    /// <summary>Whether the episode is running at the evaluation time.</summary>
    public bool IsActive => Status is "active" or "intended" or "on-hold" && Outcome.IsUndetermined();

    /// <summary>A short label for card text: the INN, else the code's text.</summary>
    public string Label => Agent?.Inn ?? ConceptText.Of(Code) ?? "therapy";
}

/// <summary>One observation with its value normalised for comparison.</summary>
public sealed record ObservationPoint
{
    /// <summary>Relative reference.</summary>
    public required string Reference { get; init; }

    /// <summary>The value sets the observation code belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>The observation's code, for display (e.g. the demo chart).</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>The effective time.</summary>
    public FhirDateTime? Time { get; init; }

    /// <summary>The numeric value, if any.</summary>
    public decimal? Value { get; init; }

    /// <summary>The value's UCUM unit code (or unit text), if any.</summary>
    public string? Unit { get; init; }

    /// <summary>The comparator (&lt;, &gt;...) of the quantity, if any.</summary>
    public string? Comparator { get; init; }

    /// <summary>The value sets a coded value (valueCodeableConcept) belongs to.</summary>
    public required ValueSetMask ValueMemberships { get; init; }

    /// <summary>The coded value, for card text.</summary>
    public CodeableConcept? CodedValue { get; init; }

    /// <summary>The value sets the coded values of the components belong to (e.g. the gene studied of a genomic result).</summary>
    public ValueSetMask ComponentValueMemberships { get; init; } = ValueSetMask.Empty;

    /// <summary>The observation's status (final, amended, preliminary...).</summary>
    public string? Status { get; init; }

    /// <summary>The value as text (valueString), e.g. a titre written "1:320".</summary>
    public string? ValueText { get; init; }

    /// <summary>The value as a ratio (valueRatio), e.g. a titre 1/320.</summary>
    public Ratio? ValueRatio { get; init; }

    /// <summary>The reference ranges the laboratory reported with the value.</summary>
    public IReadOnlyList<ObservationReferenceRange> ReferenceRanges { get; init; } = [];

    /// <summary>The laboratory's interpretation flags (high, low, normal, positive...).</summary>
    public IReadOnlyList<CodeableConcept> Interpretation { get; init; } = [];

    /// <summary>Component results (e.g. one per organ domain of a composite score).</summary>
    public IReadOnlyList<ObservationComponentPoint> Components { get; init; } = [];
}

/// <summary>A procedure event (surgery, seton, stoma, transplant, infusion...).</summary>
public sealed record ProcedureEvent
{
    /// <summary>Relative reference.</summary>
    public required string Reference { get; init; }

    /// <summary>The value sets the procedure code belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>The coded procedure.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>When it was performed (start).</summary>
    public FhirDateTime? Start { get; init; }

    /// <summary>When it ended.</summary>
    public FhirDateTime? End { get; init; }

    /// <summary>The FHIR status.</summary>
    public string? Status { get; init; }
}

/// <summary>An order the clinician is selecting or signing.</summary>
public sealed record DraftOrder
{
    /// <summary>A reference when the order has an id, else a positional label such as <c>draftOrders[0]</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>The order resource as sent.</summary>
    public required Resource Resource { get; init; }

    /// <summary>The value sets the ordered item belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>The drug, for medication orders.</summary>
    public AgentInfo? Agent { get; init; }

    /// <summary>The code's text for card text.</summary>
    public required string Label { get; init; }

    /// <summary>True for an order not to give the item (MedicationRequest.doNotPerform), e.g. stopping a drug.</summary>
    public bool IsStop { get; init; }
}
