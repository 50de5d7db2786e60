using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Reads any FHIR resource polymorphically: it scans a copy of the reader for the object's
/// top-level <c>resourceType</c> (which need not come first), then reads the concrete type from the
/// original reader in one pass. Unknown types become <see cref="OtherResource"/>. Writing delegates to
/// the concrete type, whose <c>resourceType</c> comes first.
/// </summary>
public sealed class ResourceJsonConverter : JsonConverter<Resource>
{
    // One cache per options instance: the converter is shared by the context's options and FhirJson.Options.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, System.Collections.Concurrent.ConcurrentDictionary<Type, JsonTypeInfo>> _typeInfos = new();

    /// <inheritdoc />
    public override Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FhirJsonException(FhirJsonErrorCodes.ResourceNotObject, "A resource must be a JSON object.");
        }

        var typeInfo = TypeInfoOf(ConcreteType(FindResourceType(reader)), options);
        try
        {
            return (Resource)JsonSerializer.Deserialize(ref reader, typeInfo)!;
        }
        catch (JsonException ex)
        {
            throw FhirJsonException.Nest(ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    /// <summary>Maps a FHIR resource type name to the model type that reads it.</summary>
    /// <param name="resourceType">The <c>resourceType</c> value.</param>
    /// <returns>The concrete model type; <see cref="OtherResource"/> for types not modelled.</returns>
    public static Type ConcreteType(string resourceType) => resourceType switch
    {
        Patient.TypeName => typeof(Patient),
        Condition.TypeName => typeof(Condition),
        Observation.TypeName => typeof(Observation),
        MedicationStatement.TypeName => typeof(MedicationStatement),
        MedicationRequest.TypeName => typeof(MedicationRequest),
        Medication.TypeName => typeof(Medication),
        Procedure.TypeName => typeof(Procedure),
        ServiceRequest.TypeName => typeof(ServiceRequest),
        Bundle.TypeName => typeof(Bundle),
        OperationOutcome.TypeName => typeof(OperationOutcome),
        _ => typeof(OtherResource),
    };

    // options.GetTypeInfo costs a lookup and type checks on every call; a prefetch reads hundreds of resources, so the
    // answer is kept per type.
    private JsonTypeInfo TypeInfoOf(Type type, JsonSerializerOptions options) =>
        _typeInfos.GetValue(options, static _ => new()).GetOrAdd(type, static (t, o) => o.GetTypeInfo(t), options);

    // Works on a copy: Utf8JsonReader is a struct, so the caller's position is untouched.
    // The serializer buffers a whole value before calling a custom converter, so Skip() is safe.
    private static string FindResourceType(Utf8JsonReader scan)
    {
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            var isResourceType = scan.ValueTextEquals("resourceType"u8);
            scan.Read();
            if (isResourceType)
            {
                return scan.TokenType == JsonTokenType.String && scan.GetString() is { Length: > 0 } name
                    ? name
                    : throw new FhirJsonException(FhirJsonErrorCodes.InvalidResourceType, "The resourceType member must be a non-empty string.");
            }

            scan.Skip();
        }

        throw new FhirJsonException(FhirJsonErrorCodes.MissingResourceType, "The resource has no resourceType member.");
    }

    internal static JsonTypeInfo<Resource> ResourceTypeInfo(JsonSerializerOptions options)
        => (JsonTypeInfo<Resource>)options.GetTypeInfo(typeof(Resource));
}
