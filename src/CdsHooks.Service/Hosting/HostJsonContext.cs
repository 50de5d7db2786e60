using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CdsHooks.Service.Feedback;

namespace CdsHooks.Service.Hosting;

/// <summary>Source-generated JSON metadata for the few host-level JSON values the wire model does not cover.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(FeedbackReceipt))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HostJsonContext : JsonSerializerContext;
