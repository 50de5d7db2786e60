using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Feedback;

/// <summary>What the user did with a card (cds-fb-1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackOutcome>))]
public enum FeedbackOutcome
{
    /// <summary><c>accepted</c>: one or more suggestions were accepted.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary><c>overridden</c>: the user dismissed the guidance, optionally giving a reason.</summary>
    [JsonStringEnumMemberName("overridden")]
    Overridden,
}
