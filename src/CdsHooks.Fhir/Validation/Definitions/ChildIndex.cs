using System.Collections.Concurrent;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// The children of one element as a profile sees them, built once per (type, path, profile path) and reused: each
/// child's rule with the profile's overlay laid on it, a name lookup, the choice elements, which children are
/// required, and (on first use) how each child's values are checked. Lets the validator walk the members an instance
/// has instead of every child the definition names, without building a path or looking up a rule on the way.
/// </summary>
internal sealed class ChildIndex
{
    private readonly ChildIndexCache _cache;
    private readonly Profile? _profile;
    private readonly string _overlayPath;
    private readonly Utf8NameTable<int> _byName;
    private readonly ValuePlan?[] _plans;

    private ChildIndex(ChildIndexCache cache, TypeDefinition definition, Profile? profile, string overlayPath, ElementRule[] rules,
        Dictionary<string, int> byName, (string Stem, int Ordinal)[] choices, bool[] required)
    {
        _cache = cache;
        _profile = profile;
        _overlayPath = overlayPath;
        Definition = definition;
        Rules = rules;
        _byName = new Utf8NameTable<int>(byName);
        Choices = choices;
        IsRequired = required;
        for (int i = 0; i < Math.Min(required.Length, 64); i++)
        {
            RequiredMask |= required[i] ? 1UL << i : 0;
        }
        _plans = new ValuePlan?[rules.Length];
        ChoicePlans = new ChoicePlan?[rules.Length];
        for (int i = 0; i < choices.Length; i++)
        {
            ChoicePlans[choices[i].Ordinal] = new ChoicePlan(cache, rules[choices[i].Ordinal], definition, profile, overlayPath);
        }
    }

    /// <summary>The definition the children belong to.</summary>
    public TypeDefinition Definition { get; }

    /// <summary>Each child's effective rule (base merged with the profile), in definition order.</summary>
    public ElementRule[] Rules { get; }

    /// <summary>Choice children by stem (<c>value</c> for <c>value[x]</c>).</summary>
    public (string Stem, int Ordinal)[] Choices { get; }

    /// <summary>The choice element at each ordinal (null for the others).</summary>
    public ChoicePlan?[] ChoicePlans { get; }

    /// <summary>Children that must be checked even when absent: a minimum above zero, or a required type slice.</summary>
    public bool[] IsRequired { get; }

    /// <summary><see cref="IsRequired"/> of the first 64 children, as bits.</summary>
    public ulong RequiredMask { get; }

    /// <summary>Whether these are the children of an Extension (whose value type a package extension constrains).</summary>
    public bool IsExtension => Definition.Name == "Extension";

    /// <summary>The ordinal of a non-choice child by JSON member name (UTF-8).</summary>
    public bool TryGetChild(ReadOnlySpan<byte> name, out int ordinal) => _byName.TryGetValue(name, out ordinal);

    /// <summary>The choice variant a member name (UTF-8) stands for (<c>valueQuantity</c>), with the choice's ordinal.</summary>
    public ChoiceVariant? FindChoice(ReadOnlySpan<byte> name, out int ordinal)
    {
        foreach (var (_, at) in Choices)
        {
            if (ChoicePlans[at]!.Find(name) is { } variant)
            {
                ordinal = at;
                return variant;
            }
        }

        ordinal = -1;
        return null;
    }

    /// <summary>How a non-choice child's values are checked (the child must have types), built on first use.</summary>
    public ValuePlan PlanOf(int ordinal) => _plans[ordinal] ??= CreatePlan(ordinal);

    public static ChildIndex Build(ChildIndexCache cache, TypeDefinition definition, string definitionPath, Profile? profile, string overlayPath)
    {
        var children = definition.ChildrenOf(definitionPath);
        var rules = new ElementRule[children.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var choices = new List<(string, int)>();
        var required = new bool[children.Count];
        for (int i = 0; i < children.Count; i++)
        {
            var child = children[i];
            rules[i] = child.Merge(Overlay(profile, overlayPath, child.Name));
            bool sliceRequired = false;
            if (child.IsChoice)
            {
                string stem = child.Name[..^3];
                choices.Add((stem, i));
                sliceRequired = (rules[i].Types ?? []).Any(t => Overlay(profile, overlayPath, stem + ChoicePlan.Capitalise(t.Code))?.Min is > 0);
            }
            else
            {
                byName[child.Name] = i;
            }

            required[i] = rules[i].Min is > 0 || sliceRequired;
        }

        return new ChildIndex(cache, definition, profile, overlayPath, rules, byName, [.. choices], required);
    }

    public static ElementRule? Overlay(Profile? profile, string overlayPath, string name) =>
        profile is null || overlayPath.Length == 0 ? null : profile.Overlay($"{overlayPath}.{name}");

    /// <summary>A profile context: no profile path means the base definition alone.</summary>
    public static (Profile? Profile, string OverlayPath) Scope(Profile? profile, string overlayPath) =>
        profile is null || overlayPath.Length == 0 ? (null, "") : (profile, overlayPath);

    // Children of a backbone element (or of one it reuses by contentReference) are defined under its own path.
    private ValuePlan CreatePlan(int ordinal)
    {
        var rule = Rules[ordinal];
        string childDefinitionPath = rule.ContentReference is { } reference ? reference.TrimStart('#') : rule.Path;
        var (profile, overlayPath) = Scope(_profile, _overlayPath.Length == 0 ? "" : $"{_overlayPath}.{rule.Name}");
        return ValuePlan.Create(_cache, rule.Types![0], rule, Definition, childDefinitionPath, profile, overlayPath);
    }
}

/// <summary>The validator's cache of <see cref="ChildIndex"/>es; one per validator, shared by its (thread-safe) runs.</summary>
internal sealed class ChildIndexCache
{
    private readonly ConcurrentDictionary<(string Type, string Path, string? Profile, string OverlayPath), ChildIndex> _indexes = new();
    private ChildIndex? _element;

    /// <summary>The children of Element: what a primitive's extensions (<c>_status</c>) are checked against.</summary>
    public ChildIndex Element => _element ??= BaseDefinitions.R4.TryGetType("Element", out var element)
        ? Get(element, "Element", null, "")
        : throw new InvalidOperationException("The base definitions lack Element.");

    public ChildIndex Get(TypeDefinition definition, string definitionPath, Profile? profile, string overlayPath)
    {
        (profile, overlayPath) = ChildIndex.Scope(profile, overlayPath);
        return _indexes.GetOrAdd((definition.Name, definitionPath, profile?.Url, overlayPath), static (key, state) =>
            ChildIndex.Build(state.Cache, state.Definition, key.Path, state.Profile, key.OverlayPath), (Cache: this, Definition: definition, Profile: profile));
    }
}
