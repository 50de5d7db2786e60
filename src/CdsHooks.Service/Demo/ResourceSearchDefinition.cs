using System.Collections.Frozen;

namespace CdsHooks.Service.Demo;

/// <summary>A resource type the demo endpoint serves, with its search parameters.</summary>
internal sealed record ResourceSearchDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="type">The FHIR type name.</param>
    /// <param name="defaultDate">The name of the date parameter <c>_sort=date</c> uses, or null.</param>
    /// <param name="parameters">The search parameters.</param>
    public ResourceSearchDefinition(string type, string? defaultDate, IEnumerable<SearchParameter> parameters)
    {
        Type = type;
        Parameters = parameters.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        DefaultDate = defaultDate is null ? null : (DateSearchParameter)Parameters[defaultDate];
    }

    /// <summary>The FHIR type name.</summary>
    public string Type { get; }

    /// <summary>The search parameters by name.</summary>
    public FrozenDictionary<string, SearchParameter> Parameters { get; }

    /// <summary>The type's main date, used by <c>_sort=date</c>; null when it has none.</summary>
    public DateSearchParameter? DefaultDate { get; }

    /// <summary>The date parameters, each usable in <c>_sort</c>.</summary>
    public IEnumerable<DateSearchParameter> DateParameters => Parameters.Values.OfType<DateSearchParameter>();
}
