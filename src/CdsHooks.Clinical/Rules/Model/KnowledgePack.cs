namespace CdsHooks.Clinical.Rules.Model;

/// <summary>One disease's knowledge, as written in <c>seeds/knowledge/{id}.yaml</c>.</summary>
public sealed record KnowledgePack
{
    /// <summary>Pack id, e.g. <c>crohns-disease</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Pack version (semver).</summary>
    public required string Version { get; init; }

    /// <summary>Human title.</summary>
    public required string Title { get; init; }

    /// <summary>The file it was loaded from.</summary>
    public required string File { get; init; }

    /// <summary>The sources rules cite, by id. One is the paper; <c>general-knowledge</c> marks content not from it.</summary>
    public required IReadOnlyDictionary<string, SourceDocument> Sources { get; init; }

    /// <summary>The pack applies only where this is true: no card for a patient whose disease it does not cover.</summary>
    public required Criterion Scope { get; init; }

    /// <summary>Named parameters where the paper is vague; each is local policy a site may override.</summary>
    public required IReadOnlyList<AssumptionDefinition> Assumptions { get; init; }

    /// <summary>Named criteria that rules reuse with <c>ref</c>.</summary>
    public required IReadOnlyDictionary<string, Criterion> Definitions { get; init; }

    /// <summary>The rules.</summary>
    public required IReadOnlyList<RuleDefinition> Rules { get; init; }
}

/// <summary>A document rules cite.</summary>
public sealed record SourceDocument
{
    /// <summary>Source id within the pack.</summary>
    public required string Id { get; init; }

    /// <summary>The label shown as <c>source.label</c> on cards.</summary>
    public required string Label { get; init; }

    /// <summary>Full citation.</summary>
    public string? Citation { get; init; }

    /// <summary>Where to read it (absolute URL, e.g. the DOI).</summary>
    public Uri? Url { get; init; }

    /// <summary>True for general knowledge that is not from the source paper; cards say so.</summary>
    public bool IsGeneralKnowledge { get; init; }
}

/// <summary>A labelled assumption: where the paper gives no threshold, the pack names one, and a site may change it.</summary>
public sealed record AssumptionDefinition
{
    /// <summary>Name, referenced in criteria as <c>$name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The pack's default value, as written.</summary>
    public required string Default { get; init; }

    /// <summary>The kind of value (integer, number, boolean, duration).</summary>
    public required AssumptionType Type { get; init; }

    /// <summary>What the assumption decides and why the default was chosen.</summary>
    public required string Description { get; init; }
}

/// <summary>Types an assumption may have.</summary>
public enum AssumptionType
{
    /// <summary>A whole or decimal number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A <see cref="ClinicalDuration"/> such as <c>P14W</c>.</summary>
    Duration,
}
