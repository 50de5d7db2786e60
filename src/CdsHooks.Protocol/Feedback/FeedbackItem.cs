using System.Text.Json;
using System.Text.Json.Serialization;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Feedback;

/// <summary>Feedback on one card (CDS Hooks 2.0 §Feedback).</summary>
public sealed record FeedbackItem
{
    /// <summary>REQUIRED. The <c>uuid</c> of the card.</summary>
    public required string Card { get; init; }

    /// <summary>REQUIRED. Accepted or overridden.</summary>
    public required FeedbackOutcome Outcome { get; init; }

    /// <summary>CONDITIONAL. The accepted suggestions; REQUIRED when <see cref="Outcome"/> is accepted (cds-fb-2).</summary>
    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; init; }

    /// <summary>OPTIONAL. Why the card was overridden; an override without a reason is legal.</summary>
    public OverrideReason? OverrideReason { get; init; }

    /// <summary>REQUIRED. When the user acted, an RFC 3339 instant.</summary>
    [JsonConverter(typeof(UtcInstantConverter))]
    public required DateTimeOffset OutcomeTimestamp { get; init; }

    /// <summary>OPTIONAL. The <c>extension</c> object.</summary>
    public JsonElement? Extension { get; init; }
}
