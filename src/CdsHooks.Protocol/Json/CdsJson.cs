using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// The one set of JSON options for CDS Hooks messages. On write: <c>null</c> optional fields are omitted, empty
/// optional lists and objects are omitted (CDS Hooks §JSON: "SHALL NOT be null or empty"), REQUIRED lists such as
/// <c>cards</c> and <c>services</c> are always written, and enums are written as their spec strings.
/// </summary>
public static class CdsJson
{
    /// <summary>The shared, read-only options, backed by <see cref="CdsJsonContext"/>.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a wire-model value to UTF-8 JSON.</summary>
    /// <typeparam name="T">A type registered in <see cref="CdsJsonContext"/>, e.g. <see cref="Responses.CdsResponse"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The UTF-8 JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Serializes a wire-model value to a JSON string.</summary>
    /// <typeparam name="T">A type registered in <see cref="CdsJsonContext"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>
    /// Deserializes a wire-model value with plain System.Text.Json semantics (e.g. a response or discovery document
    /// read by a test or a client). Request and feedback bodies from EHRs go through <see cref="CdsRequestReader"/>
    /// and <see cref="FeedbackReader"/> instead, which validate and report CDS error codes.
    /// </summary>
    /// <typeparam name="T">A type registered in <see cref="CdsJsonContext"/>.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON does not match the type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException("The JSON value is null.");

    /// <summary>The serialization metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    /// <typeparam name="T">A type registered in <see cref="CdsJsonContext"/>.</typeparam>
    /// <returns>The type info, for APIs such as <c>Results.Json(value, typeInfo)</c>.</returns>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(CdsJsonContext.Default.Options)
        {
            // Readable non-ASCII (card text quotes Chinese sources) and no \u0027 for apostrophes: the output is
            // always sent as JSON, never embedded in HTML, so HTML-sensitive characters need no escaping.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = CdsJsonContext.Default.WithAddedModifier(OmitEmptyOptionalCollections),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyOptionalCollections(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.IsRequired
                || property.PropertyType == typeof(string)
                || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            property.ShouldSerialize = static (_, value) => value switch
            {
                null => false,
                ICollection collection => collection.Count > 0,
                IEnumerable sequence => sequence.GetEnumerator().MoveNext(),
                _ => true,
            };
        }
    }
}
