using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>
/// FHIR <c>Extension</c>. Only <see cref="Url"/> is mapped; the <c>value[x]</c> and nested
/// <c>extension</c> members stay in <see cref="Element.AdditionalElements"/> exactly as received,
/// and the typed <c>Value*</c> accessors read them on demand.
/// </summary>
[JsonConverter(typeof(ExtensionJsonConverter))]
public sealed record Extension : Element
{
    /// <summary>Identifies the meaning of the extension.</summary>
    public string? Url { get; set; }

    /// <summary>The <c>valueCodeableConcept</c>, when present.</summary>
    [JsonIgnore]
    public CodeableConcept? ValueCodeableConcept => Read("valueCodeableConcept", FhirJsonContext.Default.CodeableConcept);

    /// <summary>The <c>valueCoding</c>, when present.</summary>
    [JsonIgnore]
    public Coding? ValueCoding => Read("valueCoding", FhirJsonContext.Default.Coding);

    /// <summary>The <c>valueString</c>, when present.</summary>
    [JsonIgnore]
    public string? ValueString => Read("valueString", FhirJsonContext.Default.String);

    /// <summary>The <c>valueBoolean</c>, when present.</summary>
    [JsonIgnore]
    public bool? ValueBoolean => Read("valueBoolean", FhirJsonContext.Default.NullableBoolean);

    /// <summary>The <c>valueDateTime</c> (or <c>valueDate</c>), when present.</summary>
    [JsonIgnore]
    public FhirDateTime? ValueDateTime
        => Read("valueDateTime", FhirJsonContext.Default.NullableFhirDateTime) ?? Read("valueDate", FhirJsonContext.Default.NullableFhirDateTime);

    /// <summary>The <c>valueQuantity</c>, when present.</summary>
    [JsonIgnore]
    public Quantity? ValueQuantity => Read("valueQuantity", FhirJsonContext.Default.Quantity);

    /// <summary>The <c>valueReference</c>, when present.</summary>
    [JsonIgnore]
    public Reference? ValueReference => Read("valueReference", FhirJsonContext.Default.Reference);

    private T? Read<T>(string name, JsonTypeInfo<T> typeInfo)
        => AdditionalElements is not null && AdditionalElements.TryGetValue(name, out var element)
            ? FhirJson.DeserializeElement(element, typeInfo)
            : default;
}
