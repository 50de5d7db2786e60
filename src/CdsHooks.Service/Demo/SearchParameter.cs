using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A search parameter the demo endpoint supports on one resource type.</summary>
/// <param name="Name">The parameter name, e.g. <c>code</c>.</param>
/// <param name="Description">What it searches, for the CapabilityStatement.</param>
internal abstract record SearchParameter(string Name, string Description)
{
    /// <summary>The FHIR search parameter type: token, date or reference.</summary>
    public abstract string FhirType { get; }

    /// <summary>
    /// Turns one occurrence of the parameter into a filter. The values are its comma-separated
    /// alternatives, still escaped; any one matching is enough (FHIR: comma = OR).
    /// </summary>
    /// <param name="alternatives">The alternatives, non-empty.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="DemoFhirRequestException">A value is malformed.</exception>
    public abstract Func<Resource, bool> CreateFilter(IReadOnlyList<string> alternatives);
}
