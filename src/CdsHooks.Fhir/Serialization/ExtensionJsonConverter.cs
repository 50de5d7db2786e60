using System.Text.Json;
using System.Text.Json.Serialization;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Reads and writes <see cref="Extension"/>: <c>url</c> is mapped, every other member (the
/// <c>value[x]</c>, nested <c>extension</c>, <c>id</c>) is kept as raw JSON. A converter is needed because
/// the typed <c>Value*</c> accessors share their names with the wire members they read.
/// </summary>
public sealed class ExtensionJsonConverter : JsonConverter<Extension>
{
    /// <inheritdoc />
    public override Extension Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FhirJsonException(FhirJsonErrorCodes.InvalidElementType, "An extension must be a JSON object.");
        }

        string? url = null;
        Dictionary<string, JsonElement>? members = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("url"u8))
            {
                reader.Read();
                url = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new FhirJsonException(FhirJsonErrorCodes.InvalidElementType, "Extension.url must be a JSON string.");
                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            members ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            members[name] = JsonElement.ParseValue(ref reader);
        }

        return new Extension { Url = url, AdditionalElements = members };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Extension value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Url is not null)
        {
            writer.WriteString("url"u8, value.Url);
        }

        if (value.AdditionalElements is not null)
        {
            foreach (var (name, element) in value.AdditionalElements)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
