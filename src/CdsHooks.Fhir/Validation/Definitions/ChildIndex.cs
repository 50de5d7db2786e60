using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// The children of one element as a profile sees them, built once per (type, path, profile path) and reused: each
/// child's rule with the profile's overlay laid on it, a name lookup, the choice stems, and which children are
/// required. Lets the validator walk the members an instance has instead of every child the definition names.
/// </summary>
internal sealed class ChildIndex
{
    private ChildIndex(ElementRule[] rules, FrozenDictionary<string, int> byName, (string Stem, int Ordinal)[] choices, int[] required)
    {
        Rules = rules;
        ByName = byName;
        Choices = choices;
        Required = required;
    }

    /// <summary>Each child's effective rule (base merged with the profile), in definition order.</summary>
    public ElementRule[] Rules { get; }

    /// <summary>Non-choice children by JSON member name.</summary>
    public FrozenDictionary<string, int> ByName { get; }

    /// <summary>Choice children by stem (<c>value</c> for <c>value[x]</c>).</summary>
    public (string Stem, int Ordinal)[] Choices { get; }

    /// <summary>Children that must be checked even when absent: a minimum above zero, or a required type slice.</summary>
    public int[] Required { get; }

    public static ChildIndex Build(TypeDefinition definition, string definitionPath, Profile? profile, string overlayPath)
    {
        var children = definition.ChildrenOf(definitionPath);
        var rules = new ElementRule[children.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var choices = new List<(string, int)>();
        var required = new List<int>();
        for (int i = 0; i < children.Count; i++)
        {
            var child = children[i];
            rules[i] = child.Merge(Overlay(profile, overlayPath, child.Name));
            bool sliceRequired = false;
            if (child.IsChoice)
            {
                string stem = child.Name[..^3];
                choices.Add((stem, i));
                sliceRequired = (rules[i].Types ?? []).Any(t => Overlay(profile, overlayPath, stem + char.ToUpperInvariant(t.Code[0]) + t.Code[1..])?.Min is > 0);
            }
            else
            {
                byName[child.Name] = i;
            }

            if (rules[i].Min is > 0 || sliceRequired)
            {
                required.Add(i);
            }
        }

        return new ChildIndex(rules, byName.ToFrozenDictionary(StringComparer.Ordinal), [.. choices], [.. required]);
    }

    private static ElementRule? Overlay(Profile? profile, string overlayPath, string name) =>
        profile is null || overlayPath.Length == 0 ? null : profile.Overlay($"{overlayPath}.{name}");
}

/// <summary>The validator's cache of <see cref="ChildIndex"/>es; one per validator, shared by its (thread-safe) runs.</summary>
internal sealed class ChildIndexCache
{
    private readonly ConcurrentDictionary<(string Type, string Path, string? Profile, string OverlayPath), ChildIndex> _indexes = new();

    public ChildIndex Get(TypeDefinition definition, string definitionPath, Profile? profile, string overlayPath) =>
        _indexes.GetOrAdd((definition.Name, definitionPath, profile?.Url, overlayPath), static (key, state) =>
            ChildIndex.Build(state.Definition, key.Path, state.Profile, key.OverlayPath), (Definition: definition, Profile: profile));
}
