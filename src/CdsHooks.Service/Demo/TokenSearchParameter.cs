using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A token parameter over the codings of a CodeableConcept, a code (with its implicit system) or an id.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Description">What it searches.</param>
/// <param name="Codings">The codings the resource holds for this parameter.</param>
internal sealed record TokenSearchParameter(string Name, string Description, Func<Resource, IEnumerable<Coding>> Codings)
    : SearchParameter(Name, Description)
{
    /// <inheritdoc />
    public override string FhirType => "token";

    /// <inheritdoc />
    public override Func<Resource, bool> CreateFilter(IReadOnlyList<string> alternatives)
    {
        var tokens = alternatives.Select(a => TokenValue.Parse(Name, a)).ToArray();
        return resource => Codings(resource).Any(coding => tokens.Any(token => token.Matches(coding)));
    }
}
