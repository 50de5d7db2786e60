using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Condition</c>: a problem, diagnosis or other clinical concern.</summary>
public sealed record Condition : DomainResource
{
    /// <summary>The FHIR resource type name, <c>Condition</c>.</summary>
    public const string TypeName = "Condition";

    /// <summary>Creates an empty <c>Condition</c>.</summary>
    public Condition()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>active | recurrence | relapse | inactive | remission | resolved.</summary>
    public CodeableConcept? ClinicalStatus { get; init; }

    /// <summary>unconfirmed | provisional | differential | confirmed | refuted | entered-in-error.</summary>
    public CodeableConcept? VerificationStatus { get; init; }

    /// <summary>problem-list-item | encounter-diagnosis.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; init; }

    /// <summary>Subjective severity.</summary>
    public CodeableConcept? Severity { get; init; }

    /// <summary>Identification of the condition.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>Anatomical location.</summary>
    public IReadOnlyList<CodeableConcept>? BodySite { get; init; }

    /// <summary>Who has the condition.</summary>
    public Reference? Subject { get; init; }

    /// <summary>Encounter created as part of.</summary>
    public Reference? Encounter { get; init; }

    /// <summary>onset[x] as a dateTime.</summary>
    public FhirDateTime? OnsetDateTime { get; init; }

    /// <summary>onset[x] as an Age.</summary>
    public Quantity? OnsetAge { get; init; }

    /// <summary>onset[x] as a Period.</summary>
    public Period? OnsetPeriod { get; init; }

    /// <summary>onset[x] as a Range.</summary>
    public Range? OnsetRange { get; init; }

    /// <summary>onset[x] as a string.</summary>
    public string? OnsetString { get; init; }

    /// <summary>abatement[x] as a dateTime.</summary>
    public FhirDateTime? AbatementDateTime { get; init; }

    /// <summary>abatement[x] as an Age.</summary>
    public Quantity? AbatementAge { get; init; }

    /// <summary>abatement[x] as a Period.</summary>
    public Period? AbatementPeriod { get; init; }

    /// <summary>abatement[x] as a Range.</summary>
    public Range? AbatementRange { get; init; }

    /// <summary>abatement[x] as a string.</summary>
    public string? AbatementString { get; init; }

    /// <summary>Date record was first recorded.</summary>
    public FhirDateTime? RecordedDate { get; init; }

    /// <summary>Who recorded the condition.</summary>
    public Reference? Recorder { get; init; }

    /// <summary>Person who asserts this condition.</summary>
    public Reference? Asserter { get; init; }

    /// <summary>Stage/grade, usually assessed formally.</summary>
    public IReadOnlyList<ConditionStage>? Stage { get; init; }

    /// <summary>Supporting evidence.</summary>
    public IReadOnlyList<ConditionEvidence>? Evidence { get; init; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; init; }

    /// <summary>onset[x]: DateTime, Quantity (Age), Period, Range or String.</summary>
    [JsonIgnore]
    public ChoiceValue? Onset => ChoiceValue.First(quantity: OnsetAge, text: OnsetString, range: OnsetRange, dateTime: OnsetDateTime, period: OnsetPeriod);

    /// <summary>abatement[x]: DateTime, Quantity (Age), Period, Range or String.</summary>
    [JsonIgnore]
    public ChoiceValue? Abatement => ChoiceValue.First(quantity: AbatementAge, text: AbatementString, range: AbatementRange, dateTime: AbatementDateTime, period: AbatementPeriod);

    /// <summary>When the condition began: <see cref="OnsetDateTime"/>, else <see cref="OnsetPeriod"/> start.</summary>
    [JsonIgnore]
    public FhirDateTime? OnsetTime => OnsetDateTime ?? OnsetPeriod?.Start;
}
