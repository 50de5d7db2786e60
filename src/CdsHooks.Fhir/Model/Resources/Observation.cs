using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Observation</c>: measurements and simple assertions.</summary>
public sealed record Observation : DomainResource
{
    /// <summary>The FHIR resource type name, <c>Observation</c>.</summary>
    public const string TypeName = "Observation";

    /// <summary>Creates an empty <c>Observation</c>.</summary>
    public Observation()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>Fulfils plan, proposal or order.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; init; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; init; }

    /// <summary>registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown.</summary>
    public string? Status { get; init; }

    /// <summary>Classification of type of observation.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; init; }

    /// <summary>Type of observation (code / type).</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>Who and/or what the observation is about.</summary>
    public Reference? Subject { get; init; }

    /// <summary>What the observation is about, when it is not about the subject of record.</summary>
    public IReadOnlyList<Reference>? Focus { get; init; }

    /// <summary>Healthcare event during which this observation is made.</summary>
    public Reference? Encounter { get; init; }

    /// <summary>effective[x] as a dateTime.</summary>
    public FhirDateTime? EffectiveDateTime { get; init; }

    /// <summary>effective[x] as a Period.</summary>
    public Period? EffectivePeriod { get; init; }

    /// <summary>effective[x] as an instant.</summary>
    public FhirDateTime? EffectiveInstant { get; init; }

    /// <summary>Date/time this version was made available.</summary>
    public FhirDateTime? Issued { get; init; }

    /// <summary>Who is responsible for the observation.</summary>
    public IReadOnlyList<Reference>? Performer { get; init; }

    /// <summary>value[x] as a Quantity.</summary>
    public Quantity? ValueQuantity { get; init; }

    /// <summary>value[x] as a CodeableConcept.</summary>
    public CodeableConcept? ValueCodeableConcept { get; init; }

    /// <summary>value[x] as a string.</summary>
    public string? ValueString { get; init; }

    /// <summary>value[x] as a boolean.</summary>
    public bool? ValueBoolean { get; init; }

    /// <summary>value[x] as an integer.</summary>
    public int? ValueInteger { get; init; }

    /// <summary>value[x] as a Range.</summary>
    public Range? ValueRange { get; init; }

    /// <summary>value[x] as a Ratio.</summary>
    public Ratio? ValueRatio { get; init; }

    /// <summary>value[x] as a dateTime.</summary>
    public FhirDateTime? ValueDateTime { get; init; }

    /// <summary>value[x] as a Period.</summary>
    public Period? ValuePeriod { get; init; }

    /// <summary>Why the result is missing.</summary>
    public CodeableConcept? DataAbsentReason { get; init; }

    /// <summary>High, low, normal, etc.</summary>
    public IReadOnlyList<CodeableConcept>? Interpretation { get; init; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; init; }

    /// <summary>Observed body part.</summary>
    public CodeableConcept? BodySite { get; init; }

    /// <summary>How it was done.</summary>
    public CodeableConcept? Method { get; init; }

    /// <summary>Specimen used for this observation.</summary>
    public Reference? Specimen { get; init; }

    /// <summary>Provides guide for interpretation.</summary>
    public IReadOnlyList<ObservationReferenceRange>? ReferenceRange { get; init; }

    /// <summary>Related resource that belongs to the observation group.</summary>
    public IReadOnlyList<Reference>? HasMember { get; init; }

    /// <summary>Related measurements the observation is made from.</summary>
    public IReadOnlyList<Reference>? DerivedFrom { get; init; }

    /// <summary>Component results.</summary>
    public IReadOnlyList<ObservationComponent>? Component { get; init; }

    /// <summary>value[x]: Quantity, CodeableConcept, String, Boolean, Integer, Range, Ratio, DateTime or Period.</summary>
    [JsonIgnore]
    public ChoiceValue? Value => ChoiceValue.First(ValueQuantity, ValueCodeableConcept, null, ValueString, ValueBoolean, ValueInteger, ValueRange, ValueRatio, ValueDateTime, ValuePeriod);

    /// <summary>effective[x]: DateTime (dateTime or instant) or Period.</summary>
    [JsonIgnore]
    public ChoiceValue? Effective => ChoiceValue.First(dateTime: EffectiveDateTime ?? EffectiveInstant, period: EffectivePeriod);

    /// <summary>When the observation applies: <see cref="EffectiveDateTime"/>, else <see cref="EffectivePeriod"/> start, else <see cref="EffectiveInstant"/>.</summary>
    [JsonIgnore]
    public FhirDateTime? EffectiveTime => EffectiveDateTime ?? EffectivePeriod?.Start ?? EffectiveInstant;
}
