namespace CdsHooks.Clinical.Terminology;

/// <summary>A ValueSet as loaded from <c>fhir-profiles/</c>, expanded to plain codes.</summary>
public sealed record ValueSetDefinition
{
    /// <summary>The index used in <see cref="ValueSetMask"/>.</summary>
    public required int Index { get; init; }

    /// <summary>The resource id, which rules use to name the set (e.g. <c>anti-tnf</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The canonical URL.</summary>
    public required string Url { get; init; }

    /// <summary>A human title, used in card text ("anti-TNF").</summary>
    public required string Title { get; init; }

    /// <summary>The file it came from, for error messages.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The mechanism class every drug in the set shares, if the set declares one.</summary>
    public string? MechanismClass { get; init; }

    /// <summary>The concepts the set includes directly.</summary>
    public required IReadOnlyList<ValueSetConcept> Concepts { get; init; }

    /// <summary>ICD-10 code prefixes included with an <c>is-a</c> filter.</summary>
    public IReadOnlyList<CodeKey> Prefixes { get; init; } = [];

    /// <summary>Canonical URLs of other value sets this one includes.</summary>
    public IReadOnlyList<string> IncludedValueSets { get; init; } = [];
}

/// <summary>One code in a ValueSet with its synonyms and provenance.</summary>
public sealed record ValueSetConcept
{
    /// <summary>The code with its system.</summary>
    public required CodeKey Key { get; init; }

    /// <summary>The display.</summary>
    public string? Display { get; init; }

    /// <summary>The INN, for drug concepts.</summary>
    public string? Agent { get; init; }

    /// <summary>Text synonyms (brand names, Chinese names), from designations.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>How the code was checked, e.g. "verified: ..." or "unverified: ...".</summary>
    public string? Verification { get; init; }
}
