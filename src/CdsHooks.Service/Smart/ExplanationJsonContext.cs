using System.Text.Json;
using System.Text.Json.Serialization;
using CdsHooks.Clinical.Explanation;
using CdsHooks.Clinical.Logic;

namespace CdsHooks.Service.Smart;

/// <summary>Source-generated JSON for the explainer's answer; three-valued results are written true, false or unknown.</summary>
[JsonSerializable(typeof(AssessmentExplanation))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(TriJsonConverter)])]
internal sealed partial class ExplanationJsonContext : JsonSerializerContext;

/// <summary>Writes <see cref="Tri"/> as <c>"true"</c>, <c>"false"</c> or <c>"unknown"</c>.</summary>
internal sealed class TriJsonConverter : JsonConverter<Tri>
{
    public override Tri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() switch
    {
        "true" => Tri.True,
        "false" => Tri.False,
        "unknown" => Tri.Unknown,
        _ => throw new JsonException("A three-valued result is true, false or unknown."),
    };

    public override void Write(Utf8JsonWriter writer, Tri value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value switch
        {
            Tri.True => "true",
            Tri.False => "false",
            _ => "unknown",
        });
    }
}
