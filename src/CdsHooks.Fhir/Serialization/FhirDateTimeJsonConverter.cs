using System.Text.Json;
using System.Text.Json.Serialization;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>Reads and writes <see cref="FhirDateTime"/> as its original JSON string.</summary>
public sealed class FhirDateTimeJsonConverter : JsonConverter<FhirDateTime>
{
    /// <inheritdoc />
    public override FhirDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FhirJsonException(FhirJsonErrorCodes.InvalidElementType, "A date, dateTime or instant must be a JSON string.");
        }

        return FhirDateTime.TryParse(reader.GetString(), out var value)
            ? value
            : throw new FhirJsonException(FhirJsonErrorCodes.InvalidDateTime, "The value is not a valid FHIR date, dateTime or instant.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FhirDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
