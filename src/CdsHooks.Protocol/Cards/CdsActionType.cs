using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Cards;

/// <summary>The kind of a suggestion or system action (CDS Hooks §Action <c>type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CdsActionType>))]
public enum CdsActionType
{
    /// <summary><c>create</c>: create <see cref="CdsAction.Resource"/>.</summary>
    [JsonStringEnumMemberName("create")]
    Create,

    /// <summary><c>update</c>: update to <see cref="CdsAction.Resource"/>.</summary>
    [JsonStringEnumMemberName("update")]
    Update,

    /// <summary><c>delete</c>: delete <see cref="CdsAction.ResourceId"/>.</summary>
    [JsonStringEnumMemberName("delete")]
    Delete,
}
