using System.Text.Json;
using System.Text.Json.Serialization;
using CdsHooks.Protocol.Discovery;
using CdsHooks.Protocol.Feedback;
using CdsHooks.Protocol.Requests;
using CdsHooks.Protocol.Responses;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// Source-generated serialization metadata for the CDS Hooks wire model: camelCase names, nulls omitted on write,
/// enums as their spec strings. Use <see cref="CdsJson.Options"/>, which adds the "omit empty optional lists" rule.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(CdsRequest))]
[JsonSerializable(typeof(CdsResponse))]
[JsonSerializable(typeof(DiscoveryResponse))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(Cards.Card))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class CdsJsonContext : JsonSerializerContext
{
}
