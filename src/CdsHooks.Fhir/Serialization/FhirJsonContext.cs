using System.Text.Json.Serialization;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// The source-generated serialization metadata for the FHIR model (no reflection). Use it through
/// <see cref="FhirJson.Options"/>, which adds the policy of never writing empty arrays.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(ResourceJsonConverter)])]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(Patient))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(Observation))]
[JsonSerializable(typeof(MedicationStatement))]
[JsonSerializable(typeof(MedicationRequest))]
[JsonSerializable(typeof(Medication))]
[JsonSerializable(typeof(Procedure))]
[JsonSerializable(typeof(ServiceRequest))]
[JsonSerializable(typeof(Bundle))]
[JsonSerializable(typeof(OperationOutcome))]
[JsonSerializable(typeof(OtherResource))]
[JsonSerializable(typeof(CodeableConcept))]
[JsonSerializable(typeof(Coding))]
[JsonSerializable(typeof(Quantity))]
[JsonSerializable(typeof(Reference))]
[JsonSerializable(typeof(Period))]
[JsonSerializable(typeof(Extension))]
[JsonSerializable(typeof(FhirDateTime?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(string))]
public sealed partial class FhirJsonContext : JsonSerializerContext;
