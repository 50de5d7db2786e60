namespace CdsHooks.Protocol.Feedback;

/// <summary>A suggestion the user accepted.</summary>
public sealed record AcceptedSuggestion
{
    /// <summary>REQUIRED. The accepted suggestion's <c>uuid</c>.</summary>
    public required string Id { get; init; }
}
