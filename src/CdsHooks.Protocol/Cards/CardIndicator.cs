using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Cards;

/// <summary>A card's urgency, in increasing order (CDS Hooks §Card <c>indicator</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    /// <summary><c>info</c>: informational.</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary><c>warning</c>: the user should take note.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary><c>critical</c>: the user must act (formerly <c>hard-stop</c>).</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,
}
