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
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>Fulfils plan, proposal or order.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; set; }

    /// <summary>Part of referenced event.</summary>
    public IReadOnlyList<Reference>? PartOf { get; set; }

    /// <summary>registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown.</summary>
    public string? Status { get; set; }

    /// <summary>Classification of type of observation.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; set; }

    /// <summary>Type of observation (code / type).</summary>
    public CodeableConcept? Code { get; set; }

    /// <summary>Who and/or what the observation is about.</summary>
    public Reference? Subject { get; set; }

    /// <summary>What the observation is about, when it is not about the subject of record.</summary>
    public IReadOnlyList<Reference>? Focus { get; set; }

    /// <summary>Healthcare event during which this observation is made.</summary>
    public Reference? Encounter { get; set; }

    /// <summary>effective[x] as a dateTime.</summary>
    public FhirDateTime? EffectiveDateTime { get; set; }

    /// <summary>effective[x] as a Period.</summary>
    public Period? EffectivePeriod { get; set; }

    /// <summary>effective[x] as an instant.</summary>
    public FhirDateTime? EffectiveInstant { get; set; }

    /// <summary>Date/time this version was made available.</summary>
    public FhirDateTime? Issued { get; set; }

    /// <summary>Who is responsible for the observation.</summary>
    public IReadOnlyList<Reference>? Performer { get; set; }

    /// <summary>value[x] as a Quantity.</summary>
    public Quantity? ValueQuantity { get; set; }

    /// <summary>value[x] as a CodeableConcept.</summary>
    public CodeableConcept? ValueCodeableConcept { get; set; }

    /// <summary>value[x] as a string.</summary>
    public string? ValueString { get; set; }

    /// <summary>value[x] as a boolean.</summary>
    public bool? ValueBoolean { get; set; }

    /// <summary>value[x] as an integer.</summary>
    public int? ValueInteger { get; set; }

    /// <summary>value[x] as a Range.</summary>
    public Range? ValueRange { get; set; }

    /// <summary>value[x] as a Ratio.</summary>
    public Ratio? ValueRatio { get; set; }

    /// <summary>value[x] as a dateTime.</summary>
    public FhirDateTime? ValueDateTime { get; set; }

    /// <summary>value[x] as a Period.</summary>
    public Period? ValuePeriod { get; set; }

    /// <summary>Why the result is missing.</summary>
    public CodeableConcept? DataAbsentReason { get; set; }

    /// <summary>High, low, normal, etc.</summary>
    public IReadOnlyList<CodeableConcept>? Interpretation { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

    /// <summary>Observed body part.</summary>
    public CodeableConcept? BodySite { get; set; }

    /// <summary>How it was done.</summary>
    public CodeableConcept? Method { get; set; }

    /// <summary>Specimen used for this observation.</summary>
    public Reference? Specimen { get; set; }

    /// <summary>Provides guide for interpretation.</summary>
    public IReadOnlyList<ObservationReferenceRange>? ReferenceRange { get; set; }

    /// <summary>Related resource that belongs to the observation group.</summary>
    public IReadOnlyList<Reference>? HasMember { get; set; }

    /// <summary>Related measurements the observation is made from.</summary>
    public IReadOnlyList<Reference>? DerivedFrom { get; set; }

    /// <summary>Component results.</summary>
    public IReadOnlyList<ObservationComponent>? Component { get; set; }

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
