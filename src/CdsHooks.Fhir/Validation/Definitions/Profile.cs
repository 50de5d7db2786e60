using System.Collections.Frozen;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// A profile as the validator uses it: its base type and its differential, keyed by normalised path (a choice type's
/// type slice <c>Observation.value[x]:valueQuantity.system</c> becomes <c>Observation.valueQuantity.system</c>).
/// </summary>
internal sealed record Profile
{
    public required string Url { get; init; }

    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The resource type it constrains.</summary>
    public required string Type { get; init; }

    public required string File { get; init; }

    /// <summary>The differential (with any package parent's differential laid under it), by normalised path.</summary>
    public required FrozenDictionary<string, ElementRule> Overlays { get; init; }

    /// <summary>The differential in file order, for documentation.</summary>
    public required IReadOnlyList<ElementRule> Differential { get; init; }

    public ElementRule? Overlay(string path) => Overlays.TryGetValue(path, out var rule) ? rule : null;
}
