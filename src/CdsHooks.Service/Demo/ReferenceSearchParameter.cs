using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A reference parameter: <c>Type/id</c>, a bare <c>id</c>, or an absolute URL ending in <c>Type/id</c>.</summary>
/// <param name="Name">The parameter name, e.g. <c>patient</c>.</param>
/// <param name="Description">What it searches.</param>
/// <param name="Reference">The reference the resource holds.</param>
/// <param name="TargetType">The only type this parameter refers to (<c>Patient</c> for <c>patient</c>), or null for any.</param>
internal sealed record ReferenceSearchParameter(string Name, string Description, Func<Resource, Reference?> Reference, string? TargetType)
    : SearchParameter(Name, Description)
{
    /// <inheritdoc />
    public override string FhirType => "reference";

    /// <inheritdoc />
    public override Func<Resource, bool> CreateFilter(IReadOnlyList<string> alternatives)
    {
        var wanted = alternatives.Select(a => Split(SearchValueSyntax.Unescape(a)))
            .Select(v => v with { Type = v.Type ?? TargetType })
            .ToArray();
        return resource =>
        {
            var held = Split(Reference(resource)?.ReferenceValue);
            return held.Id.Length > 0
                && (TargetType is null || held.Type == TargetType)
                && wanted.Any(w => w.Id == held.Id && (w.Type is null || w.Type == held.Type));
        };
    }

    // The last one or two path segments: "Patient/x" -> (Patient, x); "x" -> (null, x).
    private static (string? Type, string Id) Split(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return (null, string.Empty);
        }

        var segments = reference.Split('/');
        return segments.Length >= 2
            ? (segments[^2], segments[^1])
            : (null, segments[0]);
    }
}
