using System.Text.Json.Serialization;

namespace CdsHooks.Clinical.Readiness;

/// <summary>Source-generated JSON for readiness reports (camelCase, nulls omitted), shared by the endpoint and the command line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(ReadinessSet))]
public sealed partial class ReadinessJsonContext : JsonSerializerContext;
