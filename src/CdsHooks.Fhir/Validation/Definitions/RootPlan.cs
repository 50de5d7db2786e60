using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>A resource type as one profile (or the base definition alone) sees it: its children and its invariants.</summary>
/// <param name="Children">The resource's children.</param>
/// <param name="Invariants">The root element's invariants, the profile's added.</param>
internal sealed record RootPlan(ChildIndex Children, CompiledInvariant[] Invariants)
{
    public static RootPlan Build(ChildIndexCache cache, TypeDefinition definition, Profile? profile)
    {
        var rule = definition.Root.Merge(profile?.Overlay(definition.Name));
        return new RootPlan(cache.Get(definition, definition.Name, profile, profile is null ? "" : definition.Name), CompiledInvariant.Compile(rule.Constraints));
    }
}

/// <summary>Root plans by (definition, profile), compared by reference: both are built once per package.</summary>
internal sealed class RootPlanCache(ChildIndexCache cache)
{
    private readonly ConcurrentDictionary<(TypeDefinition, Profile?), RootPlan> _roots = new(new ByReference());

    public RootPlan Get(TypeDefinition definition, Profile? profile) =>
        _roots.GetOrAdd((definition, profile), static (key, cache) => RootPlan.Build(cache, key.Item1, key.Item2), cache);

    private sealed class ByReference : IEqualityComparer<(TypeDefinition, Profile?)>
    {
        public bool Equals((TypeDefinition, Profile?) x, (TypeDefinition, Profile?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((TypeDefinition, Profile?) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2 is null ? 0 : RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
