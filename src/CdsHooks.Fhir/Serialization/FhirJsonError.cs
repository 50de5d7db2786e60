namespace CdsHooks.Fhir.Serialization;

/// <summary>One problem found while reading FHIR JSON. Carries no resource content.</summary>
/// <param name="Code">The stable code, one of <see cref="FhirJsonErrorCodes"/>.</param>
/// <param name="Path">The JSON path of the problem, e.g. <c>$.contained[0].code</c>.</param>
/// <param name="Message">A description that names the path, never the data.</param>
public sealed record FhirJsonError(string Code, string Path, string Message);
