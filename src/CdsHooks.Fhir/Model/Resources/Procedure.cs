using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Procedure</c>: an action performed on or for a patient.</summary>
public sealed record Procedure : DomainResource
{
    /// <summary>The FHIR resource type name, <c>Procedure</c>.</summary>
    public const string TypeName = "Procedure";

    /// <summary>Creates an empty <c>Procedure</c>.</summary>
    public Procedure()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>A request for this procedure.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; init; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; init; }

    /// <summary>preparation | in-progress | not-done | on-hold | stopped | completed | entered-in-error | unknown.</summary>
    public string? Status { get; init; }

    /// <summary>Reason for current status.</summary>
    public CodeableConcept? StatusReason { get; init; }

    /// <summary>Classification of the procedure.</summary>
    public CodeableConcept? Category { get; init; }

    /// <summary>Identification of the procedure.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>Who the procedure was performed on.</summary>
    public Reference? Subject { get; init; }

    /// <summary>Encounter created as part of.</summary>
    public Reference? Encounter { get; init; }

    /// <summary>performed[x] as a dateTime.</summary>
    public FhirDateTime? PerformedDateTime { get; init; }

    /// <summary>performed[x] as a Period.</summary>
    public Period? PerformedPeriod { get; init; }

    /// <summary>performed[x] as a string.</summary>
    public string? PerformedString { get; init; }

    /// <summary>Who recorded the procedure.</summary>
    public Reference? Recorder { get; init; }

    /// <summary>Person who asserts this procedure.</summary>
    public Reference? Asserter { get; init; }

    /// <summary>Coded reason the procedure was performed.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; init; }

    /// <summary>The justification that the procedure was performed.</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; init; }

    /// <summary>Target body sites.</summary>
    public IReadOnlyList<CodeableConcept>? BodySite { get; init; }

    /// <summary>The result of the procedure.</summary>
    public CodeableConcept? Outcome { get; init; }

    /// <summary>Complication following the procedure.</summary>
    public IReadOnlyList<CodeableConcept>? Complication { get; init; }

    /// <summary>Instructions for follow up.</summary>
    public IReadOnlyList<CodeableConcept>? FollowUp { get; init; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; init; }

    /// <summary>Coded items used during the procedure.</summary>
    public IReadOnlyList<CodeableConcept>? UsedCode { get; init; }

    /// <summary>performed[x]: DateTime, Period or String (Age and Range stay in AdditionalElements).</summary>
    [JsonIgnore]
    public ChoiceValue? Performed => ChoiceValue.First(text: PerformedString, dateTime: PerformedDateTime, period: PerformedPeriod);

    /// <summary>When the procedure began: <see cref="PerformedDateTime"/>, else <see cref="PerformedPeriod"/> start.</summary>
    [JsonIgnore]
    public FhirDateTime? PerformedStart => PerformedDateTime ?? PerformedPeriod?.Start;

    /// <summary>When the procedure ended: <see cref="PerformedPeriod"/> end, else <see cref="PerformedDateTime"/>.</summary>
    [JsonIgnore]
    public FhirDateTime? PerformedEnd => PerformedPeriod is not null ? PerformedPeriod.End : PerformedDateTime;
}
