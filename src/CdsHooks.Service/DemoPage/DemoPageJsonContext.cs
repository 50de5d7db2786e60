using System.Text.Json.Serialization;

namespace CdsHooks.Service.DemoPage;

/// <summary>One patient in the demo list.</summary>
internal sealed record DemoPatientSummary(string Id, string Name, string Area, string AreaTitle, string Vignette, string Summary);

/// <summary>Markdown texts to render.</summary>
internal sealed record MarkdownRequest(IReadOnlyList<string> Texts);

/// <summary>The rendered texts, in the same order.</summary>
internal sealed record MarkdownResponse(IReadOnlyList<string> Html);

/// <summary>Source-generated JSON for the demo page's API.</summary>
[JsonSerializable(typeof(PatientChart))]
[JsonSerializable(typeof(IReadOnlyList<DemoPatientSummary>))]
[JsonSerializable(typeof(IReadOnlyList<DemoDrug>))]
[JsonSerializable(typeof(MarkdownRequest))]
[JsonSerializable(typeof(MarkdownResponse))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class DemoPageJsonContext : JsonSerializerContext;
