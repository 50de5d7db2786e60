using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>The demo patients' resources (dates already shifted), indexed by type and id. Immutable.</summary>
internal sealed class DemoFhirStore
{
    private readonly FrozenDictionary<string, Resource[]> _byType;
    private readonly FrozenDictionary<(string Type, string Id), Resource> _byKey;

    /// <summary>Creates the store.</summary>
    /// <param name="resources">Every resource, each with an id; (type, id) must be unique.</param>
    /// <param name="patients">The patient list from index.json.</param>
    public DemoFhirStore(IEnumerable<Resource> resources, IReadOnlyList<DemoPatient> patients)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = resources.ToList();
        _byType = list.GroupBy(r => r.ResourceType, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byKey = list.ToFrozenDictionary(r => (r.ResourceType, r.Id ?? throw new ArgumentException("Every resource needs an id.", nameof(resources))));
        Patients = patients;
    }

    /// <summary>The demo patients, in index order.</summary>
    public IReadOnlyList<DemoPatient> Patients { get; }

    /// <summary>How many resources are held.</summary>
    public int Count => _byKey.Count;

    /// <summary>The resource types held.</summary>
    public IEnumerable<string> ResourceTypes => _byType.Keys;

    /// <summary>Every resource of a type, in load order (index order, then bundle order).</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <returns>The resources; empty when none.</returns>
    public IReadOnlyList<Resource> OfType(string resourceType)
        => _byType.TryGetValue(resourceType, out var resources) ? resources : [];

    /// <summary>Reads one resource.</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <param name="id">The logical id.</param>
    /// <param name="resource">The resource, when held.</param>
    /// <returns>Whether it is held.</returns>
    public bool TryRead(string resourceType, string id, [NotNullWhen(true)] out Resource? resource)
        => _byKey.TryGetValue((resourceType, id), out resource);
}
