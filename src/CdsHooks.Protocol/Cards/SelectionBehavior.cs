using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Cards;

/// <summary>How many of a card's suggestions the user may accept (CDS Hooks §Card <c>selectionBehavior</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SelectionBehavior>))]
public enum SelectionBehavior
{
    /// <summary><c>at-most-one</c>: the suggestions are alternatives.</summary>
    [JsonStringEnumMemberName("at-most-one")]
    AtMostOne,

    /// <summary><c>any</c>: any number of the suggestions (added in 2.0).</summary>
    [JsonStringEnumMemberName("any")]
    Any,
}
