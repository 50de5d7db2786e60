using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>MedicationStatement</c>: a record of medication being taken.</summary>
public sealed record MedicationStatement : DomainResource
{
    /// <summary>The FHIR resource type name, <c>MedicationStatement</c>.</summary>
    public const string TypeName = "MedicationStatement";

    /// <summary>Creates an empty <c>MedicationStatement</c>.</summary>
    public MedicationStatement()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>Fulfils plan, proposal or order.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; set; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; set; }

    /// <summary>active | completed | entered-in-error | intended | stopped | on-hold | unknown | not-taken.</summary>
    public string? Status { get; set; }

    /// <summary>Reason for current status.</summary>
    public IReadOnlyList<CodeableConcept>? StatusReason { get; set; }

    /// <summary>Type of medication usage.</summary>
    public CodeableConcept? Category { get; set; }

    /// <summary>medication[x] as a code.</summary>
    public CodeableConcept? MedicationCodeableConcept { get; set; }

    /// <summary>medication[x] as a reference to a Medication.</summary>
    public Reference? MedicationReference { get; set; }

    /// <summary>Who is or was taking the medication.</summary>
    public Reference? Subject { get; set; }

    /// <summary>Encounter or episode associated.</summary>
    public Reference? Context { get; set; }

    /// <summary>effective[x] as a dateTime.</summary>
    public FhirDateTime? EffectiveDateTime { get; set; }

    /// <summary>effective[x] as a Period.</summary>
    public Period? EffectivePeriod { get; set; }

    /// <summary>When the statement was asserted.</summary>
    public FhirDateTime? DateAsserted { get; set; }

    /// <summary>Person or organization that provided the information.</summary>
    public Reference? InformationSource { get; set; }

    /// <summary>Additional supporting information.</summary>
    public IReadOnlyList<Reference>? DerivedFrom { get; set; }

    /// <summary>Reason for why the medication is being taken.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; set; }

    /// <summary>Condition or observation that supports the use.</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

    /// <summary>Details of how medication is or was taken.</summary>
    public IReadOnlyList<Dosage>? Dosage { get; set; }

    /// <summary>medication[x]: CodeableConcept or Reference.</summary>
    [JsonIgnore]
    public ChoiceValue? Medication => ChoiceValue.First(codeableConcept: MedicationCodeableConcept, reference: MedicationReference);

    /// <summary>effective[x]: DateTime or Period.</summary>
    [JsonIgnore]
    public ChoiceValue? Effective => ChoiceValue.First(dateTime: EffectiveDateTime, period: EffectivePeriod);

    /// <summary>Start of use: <see cref="EffectiveDateTime"/>, else <see cref="EffectivePeriod"/> start.</summary>
    [JsonIgnore]
    public FhirDateTime? EffectiveStart => EffectiveDateTime ?? EffectivePeriod?.Start;

    /// <summary>End of use: <see cref="EffectivePeriod"/> end, else <see cref="EffectiveDateTime"/>; null while ongoing.</summary>
    [JsonIgnore]
    public FhirDateTime? EffectiveEnd => EffectivePeriod is not null ? EffectivePeriod.End : EffectiveDateTime;
}
