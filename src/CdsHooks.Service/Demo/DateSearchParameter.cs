using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A date parameter over a date, dateTime, instant or Period element; also a sort key.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Description">What it searches.</param>
/// <param name="Range">The span the resource's value denotes, or null when it has none.</param>
internal sealed record DateSearchParameter(string Name, string Description, Func<Resource, FhirDateRange?> Range)
    : SearchParameter(Name, Description)
{
    /// <inheritdoc />
    public override string FhirType => "date";

    /// <inheritdoc />
    public override Func<Resource, bool> CreateFilter(IReadOnlyList<string> alternatives)
    {
        var comparisons = alternatives.Select(a => DateComparison.Parse(Name, SearchValueSyntax.Unescape(a))).ToArray();

        // A resource without a value matches no comparison, not even 'ne'.
        return resource => Range(resource) is { } range && comparisons.Any(c => c.Matches(range));
    }
}
