using System.Text.Json;

namespace CdsHooks.Protocol.Cards;

/// <summary>One piece of guidance returned to the client (CDS Hooks 2.0.1 §Card).</summary>
public sealed record Card
{
    /// <summary>OPTIONAL. Unique id of the card; without it the client cannot send feedback.</summary>
    public string? Uuid { get; init; }

    /// <summary>REQUIRED. One-sentence summary, fewer than 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>OPTIONAL. More detail, GitHub Flavored Markdown.</summary>
    public string? Detail { get; init; }

    /// <summary>REQUIRED. The urgency.</summary>
    public required CardIndicator Indicator { get; init; }

    /// <summary>REQUIRED. Where the guidance comes from.</summary>
    public required CardSource Source { get; init; }

    /// <summary>OPTIONAL. Suggested actions; when present, <see cref="SelectionBehavior"/> must be too (cds-resp-6).</summary>
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    /// <summary>CONDITIONAL. How many suggestions may be accepted; REQUIRED when there are suggestions.</summary>
    public SelectionBehavior? SelectionBehavior { get; init; }

    /// <summary>OPTIONAL (2.0). Reasons the user may pick when overriding the card; each needs a display (cds-resp-4).</summary>
    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }

    /// <summary>OPTIONAL. Links to web pages or SMART apps.</summary>
    public IReadOnlyList<CardLink>? Links { get; init; }

    /// <summary>OPTIONAL. The card's <c>extension</c> object: reverse-domain key → value.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extension { get; init; }
}
