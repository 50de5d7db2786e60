using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Observation.component</c>: a component result.</summary>
public sealed record ObservationComponent : Element
{
    /// <summary>Type of component observation.</summary>
    public CodeableConcept? Code { get; init; }

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

    /// <summary>Why the component result is missing.</summary>
    public CodeableConcept? DataAbsentReason { get; init; }

    /// <summary>High, low, normal, etc.</summary>
    public IReadOnlyList<CodeableConcept>? Interpretation { get; init; }

    /// <summary>Provides guide for interpretation of the component result.</summary>
    public IReadOnlyList<ObservationReferenceRange>? ReferenceRange { get; init; }

    /// <summary>value[x]: Quantity, CodeableConcept, String, Boolean, Integer, Range, Ratio, DateTime or Period.</summary>
    [JsonIgnore]
    public ChoiceValue? Value => ChoiceValue.First(ValueQuantity, ValueCodeableConcept, null, ValueString, ValueBoolean, ValueInteger, ValueRange, ValueRatio, ValueDateTime, ValuePeriod);
}
