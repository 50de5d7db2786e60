using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsHooks.Clinical.Cards;

/// <summary>
/// The machine-readable reasoning of a card, sent in <c>card.extension["org.refractorycds.assessment"]</c>
/// for audit and analytics. Documented in the README.
/// </summary>
public sealed record AssessmentRecord
{
    /// <summary>The extension key.</summary>
    public const string ExtensionKey = "org.refractorycds.assessment";

    /// <summary>
    /// The rule and kind a card's assessment record names, read back from the card (each null when absent or not a
    /// string); null when the card has no record.
    /// </summary>
    /// <param name="card">A card the engine composed.</param>
    /// <returns>The rule id and the card kind code.</returns>
    public static (string? Rule, string? Kind)? RuleAndKindOf(CdsHooks.Protocol.Cards.Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Extension is null || !card.Extension.TryGetValue(ExtensionKey, out var record) || record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return (Text(record, "rule"), Text(record, "kind"));
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Pack id.</summary>
    public required string Pack { get; init; }

    /// <summary>Rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Card kind code.</summary>
    public required string Kind { get; init; }

    /// <summary>refractory, not-refractory or insufficient-data; on refractory-status cards only.</summary>
    public string? Status { get; init; }

    /// <summary>INNs the card is about, lower case.</summary>
    public IReadOnlyList<string>? Agents { get; init; }

    /// <summary>Citations (never empty: every rule has evidence).</summary>
    public IReadOnlyList<AssessmentEvidence>? Evidence { get; init; }

    /// <summary>Assumptions the rule used, with the site's value and the pack default; omitted when none.</summary>
    public IReadOnlyList<AssessmentAssumption>? Assumptions { get; init; }

    /// <summary>Resources that decided the criteria, and their role; omitted when none.</summary>
    public IReadOnlyList<AssessmentFact>? Facts { get; init; }

    /// <summary>What was missing; omitted when nothing was (CDS Hooks sends no empty arrays).</summary>
    public IReadOnlyList<string>? Missing { get; init; }

    /// <summary>Serialises the record for the card extension.</summary>
    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, AssessmentJsonContext.Default.AssessmentRecord);
}

/// <summary>One citation in the assessment record.</summary>
public sealed record AssessmentEvidence(string Source, string? Section, string? Reference, string? Grade, string? Level);

/// <summary>One assumption in the assessment record; numbers and booleans keep their JSON types.</summary>
public sealed record AssessmentAssumption(string Name, JsonElement Value, JsonElement Default);

/// <summary>One fact in the assessment record.</summary>
public sealed record AssessmentFact(string Reference, string Role);

/// <summary>Source-generated JSON for the assessment record.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssessmentRecord))]
internal sealed partial class AssessmentJsonContext : JsonSerializerContext;
