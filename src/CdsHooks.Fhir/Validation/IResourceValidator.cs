using System.Text.Json;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Checks FHIR resources against the conformance package. The seam behind which Firely.Fhir.Validation could replace
/// the project's own <see cref="ProfileValidator"/>: callers see only JSON in and OperationOutcome issues out.
/// </summary>
public interface IResourceValidator
{
    /// <summary>
    /// Validates a resource against its base definition and every package profile that applies to it: those its
    /// <c>meta.profile</c> claims, and those of its type whose required binding on <c>code</c> (if any) its code meets.
    /// </summary>
    /// <param name="resource">The resource as FHIR JSON.</param>
    /// <returns>The findings.</returns>
    ValidationReport Validate(JsonElement resource);

    /// <summary>Validates a resource against its base definition and one named profile.</summary>
    /// <param name="resource">The resource as FHIR JSON.</param>
    /// <param name="profileUrl">The profile's canonical URL.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentException">The package has no such profile.</exception>
    ValidationReport Validate(JsonElement resource, string profileUrl);
}
