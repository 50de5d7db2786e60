using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>Runs a <see cref="SearchRequest"/> against the store: filter, sort, page.</summary>
internal static class DemoFhirSearch
{
    /// <summary>Runs the search.</summary>
    /// <param name="store">The demo data.</param>
    /// <param name="request">The search.</param>
    /// <returns>The total number of matches and the requested page of them.</returns>
    public static SearchPage Execute(DemoFhirStore store, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var matches = store.OfType(request.Definition.Type).Where(r => request.Filters.All(f => f(r))).ToList();
        IEnumerable<Resource> ordered = matches;
        if (request.Sort.Count > 0)
        {
            // OrderBy is stable, so ties keep load order and paging stays consistent.
            var sorted = matches.OrderBy(r => r, new SortComparer(request.Sort[0]));
            foreach (var key in request.Sort.Skip(1))
            {
                sorted = sorted.ThenBy(r => r, new SortComparer(key));
            }

            ordered = sorted;
        }

        return new SearchPage(matches.Count, ordered.Skip(request.Offset).Take(request.Count).ToList());
    }

    // Compares on the start of each value's span; resources without a value come last either way.
    private sealed class SortComparer(SortKey key) : IComparer<Resource>
    {
        public int Compare(Resource? x, Resource? y)
        {
            var a = x is null ? null : key.Parameter.Range(x);
            var b = y is null ? null : key.Parameter.Range(y);
            if (a is null || b is null)
            {
                return (a is null ? 1 : 0) - (b is null ? 1 : 0);
            }

            var order = a.Value.Low.CompareTo(b.Value.Low);
            return key.Descending ? -order : order;
        }
    }
}
