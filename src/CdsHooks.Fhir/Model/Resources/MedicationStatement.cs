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
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>Fulfils plan, proposal or order.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; init; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; init; }

    /// <summary>active | completed | entered-in-error | intended | stopped | on-hold | unknown | not-taken.</summary>
    public string? Status { get; init; }

    /// <summary>Reason for current status.</summary>
    public IReadOnlyList<CodeableConcept>? StatusReason { get; init; }

    /// <summary>Type of medication usage.</summary>
    public CodeableConcept? Category { get; init; }

    /// <summary>medication[x] as a code.</summary>
    public CodeableConcept? MedicationCodeableConcept { get; init; }

    /// <summary>medication[x] as a reference to a Medication.</summary>
    public Reference? MedicationReference { get; init; }

    /// <summary>Who is or was taking the medication.</summary>
    public Reference? Subject { get; init; }

    /// <summary>Encounter or episode associated.</summary>
    public Reference? Context { get; init; }

    /// <summary>effective[x] as a dateTime.</summary>
    public FhirDateTime? EffectiveDateTime { get; init; }

    /// <summary>effective[x] as a Period.</summary>
    public Period? EffectivePeriod { get; init; }

    /// <summary>When the statement was asserted.</summary>
    public FhirDateTime? DateAsserted { get; init; }

    /// <summary>Person or organization that provided the information.</summary>
    public Reference? InformationSource { get; init; }

    /// <summary>Additional supporting information.</summary>
    public IReadOnlyList<Reference>? DerivedFrom { get; init; }

    /// <summary>Reason for why the medication is being taken.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; init; }

    /// <summary>Condition or observation that supports the use.</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; init; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; init; }

    /// <summary>Details of how medication is or was taken.</summary>
    public IReadOnlyList<Dosage>? Dosage { get; init; }

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
