using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// Writes a <see cref="DateTimeOffset"/> as an RFC 3339 §5.6 UTC instant (<c>2021-12-11T10:05:31Z</c>, fraction only
/// when non-zero), as CDS Hooks requires for <c>outcomeTimestamp</c>; reads any RFC 3339 date-time with an offset.
/// </summary>
public sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !TryParse(reader.GetString()!, out DateTimeOffset value))
        {
            throw new JsonException("Expected an RFC 3339 date-time with an offset.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses an RFC 3339 §5.6 date-time; the offset (<c>Z</c> or <c>±hh:mm</c>) is mandatory.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant.</param>
    /// <returns><c>true</c> when the text is a valid date-time with an offset.</returns>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        bool hasOffset = text.Length > 19 && text[10] is 'T' or 't'
            && (text[^1] is 'Z' or 'z' || (text[^6] is '+' or '-' && text[^3] == ':'));
        return hasOffset
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
