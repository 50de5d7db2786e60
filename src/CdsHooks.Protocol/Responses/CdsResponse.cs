using CdsHooks.Protocol.Cards;

namespace CdsHooks.Protocol.Responses;

/// <summary>The body of a successful service call. <c>cards</c> is always written, as <c>[]</c> when there is no guidance.</summary>
public sealed record CdsResponse
{
    /// <summary>REQUIRED. The cards; may be empty.</summary>
    public required IReadOnlyList<Card> Cards { get; init; }

    /// <summary>OPTIONAL (2.0). Actions the client may apply without showing them to the user.</summary>
    public IReadOnlyList<CdsAction>? SystemActions { get; init; }
}
