using System.Text.Json;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// One element definition: from a base definition (every field set) or from a profile's differential (only what the
/// profile changes). <see cref="Merge"/> lays a differential over its base, as a snapshot generator would.
/// </summary>
internal sealed record ElementRule
{
    public required string Path
    {
        get;
        init
        {
            field = value;
            Name = value[(value.LastIndexOf('.') + 1)..];
            IsChoice = value.EndsWith("[x]", StringComparison.Ordinal);
        }
    }

    public int? Min { get; init; }

    /// <summary>A number or <c>*</c>.</summary>
    public string? Max
    {
        get;
        init
        {
            field = value;
            MaxBound = value switch
            {
                null => Bound.None,
                "*" => Bound.Unbounded,
                "0" => Bound.Zero,
                "1" => Bound.One,
                _ => Bound.Other,
            };
        }
    }

    /// <summary><see cref="Max"/> classified once, for the validator's cardinality checks.</summary>
    public Bound MaxBound { get; private init; }

    public IReadOnlyList<TypeRef>? Types { get; init; }

    public BindingRule? Binding { get; init; }

    public IReadOnlyList<InvariantRule> Constraints { get; init; } = [];

    /// <summary><c>#Observation.referenceRange</c>: the element reuses another element's children.</summary>
    public string? ContentReference { get; init; }

    /// <summary><c>fixed[x]</c>: the value must be exactly this.</summary>
    public JsonElement? Fixed { get; init; }

    /// <summary><c>pattern[x]</c>: the value must contain at least this.</summary>
    public JsonElement? Pattern { get; init; }

    /// <summary>The profile's one-line description of the element, for documentation.</summary>
    public string? Short { get; init; }

    /// <summary>Whether the profile marks the element must-support (the rules read it).</summary>
    public bool MustSupport { get; init; }

    /// <summary>The id of the profile that constrains the element, for diagnostics; null for a base definition.</summary>
    public string? ConstrainedBy { get; init; }

    /// <summary>The last path segment, e.g. <c>value[x]</c> (worked out once, from <see cref="Path"/>).</summary>
    public string Name { get; private init; } = "";

    public bool IsChoice { get; private init; }

    /// <summary>The upper bound, or null for <c>*</c>.</summary>
    public int? MaxCount => Max is null or "*" ? null : int.Parse(Max, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lays <paramref name="overlay"/> (a differential element) over this rule; constraints add up.</summary>
    public ElementRule Merge(ElementRule? overlay) => overlay is null ? this : this with
    {
        Min = overlay.Min ?? Min,
        Max = overlay.Max ?? Max,
        Types = overlay.Types ?? Types,
        Binding = overlay.Binding ?? Binding,
        Constraints = overlay.Constraints.Count == 0 ? Constraints : [.. Constraints, .. overlay.Constraints],
        Fixed = overlay.Fixed ?? Fixed,
        Pattern = overlay.Pattern ?? Pattern,
        ConstrainedBy = overlay.ConstrainedBy ?? ConstrainedBy,
    };
}

/// <summary>An element's upper bound: none stated, <c>*</c>, 0, 1, or another number.</summary>
internal enum Bound
{
    None,
    Unbounded,
    Zero,
    One,
    Other,
}

/// <summary>An allowed type of an element, with the profiles its value or its reference target must have.</summary>
/// <param name="Code">The type, e.g. <c>Quantity</c> or <c>dateTime</c>.</param>
/// <param name="Profile">A profile of the type itself (e.g. <c>SimpleQuantity</c>), by name.</param>
/// <param name="TargetProfiles">For a Reference: the resource types it may point at, by name.</param>
internal sealed record TypeRef(string Code, string? Profile, IReadOnlyList<string> TargetProfiles);

/// <summary>An element's binding.</summary>
/// <param name="Strength">required, extensible, preferred or example.</param>
/// <param name="ValueSet">The ValueSet's canonical URL, without a version.</param>
internal sealed record BindingRule(string Strength, string ValueSet);

/// <summary>A constraint (invariant) an element declares.</summary>
/// <param name="Key">The key, e.g. <c>per-1</c>.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="Human">What it requires, in words.</param>
internal sealed record InvariantRule(string Key, string Severity, string Human);
