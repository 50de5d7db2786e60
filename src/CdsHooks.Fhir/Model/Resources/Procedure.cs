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
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>A request for this procedure.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; set; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; set; }

    /// <summary>preparation | in-progress | not-done | on-hold | stopped | completed | entered-in-error | unknown.</summary>
    public string? Status { get; set; }

    /// <summary>Reason for current status.</summary>
    public CodeableConcept? StatusReason { get; set; }

    /// <summary>Classification of the procedure.</summary>
    public CodeableConcept? Category { get; set; }

    /// <summary>Identification of the procedure.</summary>
    public CodeableConcept? Code { get; set; }

    /// <summary>Who the procedure was performed on.</summary>
    public Reference? Subject { get; set; }

    /// <summary>Encounter created as part of.</summary>
    public Reference? Encounter { get; set; }

    /// <summary>performed[x] as a dateTime.</summary>
    public FhirDateTime? PerformedDateTime { get; set; }

    /// <summary>performed[x] as a Period.</summary>
    public Period? PerformedPeriod { get; set; }

    /// <summary>performed[x] as a string.</summary>
    public string? PerformedString { get; set; }

    /// <summary>Who recorded the procedure.</summary>
    public Reference? Recorder { get; set; }

    /// <summary>Person who asserts this procedure.</summary>
    public Reference? Asserter { get; set; }

    /// <summary>Coded reason the procedure was performed.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; set; }

    /// <summary>The justification that the procedure was performed.</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; set; }

    /// <summary>Target body sites.</summary>
    public IReadOnlyList<CodeableConcept>? BodySite { get; set; }

    /// <summary>The result of the procedure.</summary>
    public CodeableConcept? Outcome { get; set; }

    /// <summary>Complication following the procedure.</summary>
    public IReadOnlyList<CodeableConcept>? Complication { get; set; }

    /// <summary>Instructions for follow up.</summary>
    public IReadOnlyList<CodeableConcept>? FollowUp { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

    /// <summary>Coded items used during the procedure.</summary>
    public IReadOnlyList<CodeableConcept>? UsedCode { get; set; }

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
