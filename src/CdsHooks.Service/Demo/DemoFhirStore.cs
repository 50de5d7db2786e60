using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>
/// The demo patients' resources (dates already shifted), indexed by type and id. Reads see an immutable snapshot; the
/// demo page's writes (<c>Demo:AllowWrites</c>) swap in a new snapshot, so reads never lock and never see half a write.
/// </summary>
internal sealed class DemoFhirStore
{
    private readonly Snapshot _loaded;
    private readonly Lock _writeLock = new();
    private volatile Snapshot _current;

    /// <summary>Creates the store.</summary>
    /// <param name="resources">Every resource, each with an id; (type, id) must be unique.</param>
    /// <param name="patients">The patient list from index.json.</param>
    public DemoFhirStore(IEnumerable<Resource> resources, IReadOnlyList<DemoPatient> patients)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _loaded = _current = new Snapshot(resources.ToList());
        Patients = patients;
    }

    /// <summary>The demo patients, in index order.</summary>
    public IReadOnlyList<DemoPatient> Patients { get; }

    /// <summary>How many resources are held.</summary>
    public int Count => _current.ByKey.Count;

    /// <summary>The resource types held.</summary>
    public IEnumerable<string> ResourceTypes => _current.ByType.Keys;

    /// <summary>Every resource of a type, in load order (index order, then bundle order, then writes).</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <returns>The resources; empty when none.</returns>
    public IReadOnlyList<Resource> OfType(string resourceType)
        => _current.ByType.TryGetValue(resourceType, out var resources) ? resources : [];

    /// <summary>Reads one resource.</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <param name="id">The logical id.</param>
    /// <param name="resource">The resource, when held.</param>
    /// <returns>Whether it is held.</returns>
    public bool TryRead(string resourceType, string id, [NotNullWhen(true)] out Resource? resource)
        => _current.ByKey.TryGetValue((resourceType, id), out resource);

    /// <summary>Adds or replaces a resource (it must carry an id).</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>True when it replaced one with the same type and id.</returns>
    public bool Put(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var key = (resource.ResourceType, resource.Id ?? throw new ArgumentException("The resource needs an id.", nameof(resource)));
        lock (_writeLock)
        {
            var list = _current.All.ToList();
            int index = list.FindIndex(r => (r.ResourceType, r.Id) == key);
            if (index >= 0)
            {
                list[index] = resource;
            }
            else
            {
                list.Add(resource);
            }

            _current = new Snapshot(list);
            return index >= 0;
        }
    }

    /// <summary>Removes a resource.</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <param name="id">The logical id.</param>
    /// <returns>Whether it was held.</returns>
    public bool Delete(string resourceType, string id)
    {
        lock (_writeLock)
        {
            var list = _current.All.Where(r => (r.ResourceType, r.Id) != (resourceType, id)).ToList();
            if (list.Count == _current.All.Count)
            {
                return false;
            }

            _current = new Snapshot(list);
            return true;
        }
    }

    /// <summary>Forgets every write: the data is as loaded at startup again.</summary>
    public void Reset() => _current = _loaded;

    private sealed class Snapshot
    {
        public Snapshot(List<Resource> all)
        {
            All = all;
            ByType = all.GroupBy(r => r.ResourceType, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            ByKey = all.ToFrozenDictionary(r => (r.ResourceType, r.Id ?? throw new ArgumentException("Every resource needs an id.", nameof(all))));
        }

        public List<Resource> All { get; }

        public FrozenDictionary<string, Resource[]> ByType { get; }

        public FrozenDictionary<(string Type, string Id), Resource> ByKey { get; }
    }
}
