using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>A base type (resource, datatype or primitive) with its elements indexed by parent path.</summary>
internal sealed class TypeDefinition
{
    private readonly FrozenDictionary<string, ElementRule> _byPath;
    private readonly FrozenDictionary<string, ElementRule[]> _children;

    public TypeDefinition(string name, string kind, IReadOnlyList<ElementRule> elements, string? regex)
    {
        Name = name;
        Kind = kind;
        Elements = elements;
        Regex = regex is null ? null : new Regex("^(?:" + regex + ")$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        _byPath = elements.ToFrozenDictionary(e => e.Path, StringComparer.Ordinal);
        _children = elements
            .Where(e => e.Path.Contains('.', StringComparison.Ordinal))
            .GroupBy(e => e.Path[..e.Path.LastIndexOf('.')], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>primitive-type, complex-type or resource.</summary>
    public string Kind { get; }

    public IReadOnlyList<ElementRule> Elements { get; }

    /// <summary>For a primitive: the specification's regex of its value.</summary>
    public Regex? Regex { get; }

    public bool IsPrimitive => Kind == "primitive-type";

    public bool IsResource => Kind == "resource";

    /// <summary>The root element (its constraints are the type's invariants).</summary>
    public ElementRule Root => _byPath[Name];

    public bool TryGet(string path, out ElementRule rule) => _byPath.TryGetValue(path, out rule!);

    public IReadOnlyList<ElementRule> ChildrenOf(string path) => _children.TryGetValue(path, out var children) ? children : [];
}
