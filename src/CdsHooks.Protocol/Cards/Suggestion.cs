namespace CdsHooks.Protocol.Cards;

/// <summary>A set of actions the user may accept in one click (CDS Hooks §Suggestion).</summary>
public sealed record Suggestion
{
    /// <summary>REQUIRED. Human-readable label shown to the user.</summary>
    public required string Label { get; init; }

    /// <summary>OPTIONAL. Identifies the suggestion in feedback (<c>acceptedSuggestions[].id</c>).</summary>
    public string? Uuid { get; init; }

    /// <summary>OPTIONAL (2.0). Marks the suggestion as recommended; at most one with <c>at-most-one</c> (cds-resp-1).</summary>
    public bool? IsRecommended { get; init; }

    /// <summary>OPTIONAL. The actions, all applied together.</summary>
    public IReadOnlyList<CdsAction>? Actions { get; init; }
}
