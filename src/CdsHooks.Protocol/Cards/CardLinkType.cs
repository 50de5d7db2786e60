using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Cards;

/// <summary>How the client opens a link (CDS Hooks §Link <c>type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardLinkType>))]
public enum CardLinkType
{
    /// <summary><c>absolute</c>: an ordinary web page.</summary>
    [JsonStringEnumMemberName("absolute")]
    Absolute,

    /// <summary><c>smart</c>: a SMART app launch URL.</summary>
    [JsonStringEnumMemberName("smart")]
    Smart,
}
