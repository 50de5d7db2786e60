using System.Text.Json.Serialization;

namespace CdsHooks.Service.Feedback;

/// <summary>Source-generated JSON for the accepted-suggestion id lists the stores keep as a JSON array.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
