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
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>active | recurrence | relapse | inactive | remission | resolved.</summary>
    public CodeableConcept? ClinicalStatus { get; set; }

    /// <summary>unconfirmed | provisional | differential | confirmed | refuted | entered-in-error.</summary>
    public CodeableConcept? VerificationStatus { get; set; }

    /// <summary>problem-list-item | encounter-diagnosis.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; set; }

    /// <summary>Subjective severity.</summary>
    public CodeableConcept? Severity { get; set; }

    /// <summary>Identification of the condition.</summary>
    public CodeableConcept? Code { get; set; }

    /// <summary>Anatomical location.</summary>
    public IReadOnlyList<CodeableConcept>? BodySite { get; set; }

    /// <summary>Who has the condition.</summary>
    public Reference? Subject { get; set; }

    /// <summary>Encounter created as part of.</summary>
    public Reference? Encounter { get; set; }

    /// <summary>onset[x] as a dateTime.</summary>
    public FhirDateTime? OnsetDateTime { get; set; }

    /// <summary>onset[x] as an Age.</summary>
    public Quantity? OnsetAge { get; set; }

    /// <summary>onset[x] as a Period.</summary>
    public Period? OnsetPeriod { get; set; }

    /// <summary>onset[x] as a Range.</summary>
    public Range? OnsetRange { get; set; }

    /// <summary>onset[x] as a string.</summary>
    public string? OnsetString { get; set; }

    /// <summary>abatement[x] as a dateTime.</summary>
    public FhirDateTime? AbatementDateTime { get; set; }

    /// <summary>abatement[x] as an Age.</summary>
    public Quantity? AbatementAge { get; set; }

    /// <summary>abatement[x] as a Period.</summary>
    public Period? AbatementPeriod { get; set; }

    /// <summary>abatement[x] as a Range.</summary>
    public Range? AbatementRange { get; set; }

    /// <summary>abatement[x] as a string.</summary>
    public string? AbatementString { get; set; }

    /// <summary>Date record was first recorded.</summary>
    public FhirDateTime? RecordedDate { get; set; }

    /// <summary>Who recorded the condition.</summary>
    public Reference? Recorder { get; set; }

    /// <summary>Person who asserts this condition.</summary>
    public Reference? Asserter { get; set; }

    /// <summary>Stage/grade, usually assessed formally.</summary>
    public IReadOnlyList<ConditionStage>? Stage { get; set; }

    /// <summary>Supporting evidence.</summary>
    public IReadOnlyList<ConditionEvidence>? Evidence { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

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
