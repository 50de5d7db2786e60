using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Observation.component</c>: a component result.</summary>
public sealed record ObservationComponent : Element
{
    /// <summary>Type of component observation.</summary>
    public CodeableConcept? Code { get; set; }

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

    /// <summary>Why the component result is missing.</summary>
    public CodeableConcept? DataAbsentReason { get; set; }

    /// <summary>High, low, normal, etc.</summary>
    public IReadOnlyList<CodeableConcept>? Interpretation { get; set; }

    /// <summary>Provides guide for interpretation of the component result.</summary>
    public IReadOnlyList<ObservationReferenceRange>? ReferenceRange { get; set; }

    /// <summary>value[x]: Quantity, CodeableConcept, String, Boolean, Integer, Range, Ratio, DateTime or Period.</summary>
    [JsonIgnore]
    public ChoiceValue? Value => ChoiceValue.First(ValueQuantity, ValueCodeableConcept, null, ValueString, ValueBoolean, ValueInteger, ValueRange, ValueRatio, ValueDateTime, ValuePeriod);
}
