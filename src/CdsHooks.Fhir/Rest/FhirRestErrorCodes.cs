namespace CdsHooks.Fhir.Rest;

/// <summary>
/// Stable codes for <see cref="FhirRequestException"/>. A code is never reused with another meaning;
/// a retired code stays here, marked obsolete.
/// </summary>
public static class FhirRestErrorCodes
{
    /// <summary>The server answered with a status outside 2xx (after any retries); see <see cref="FhirRequestException.StatusCode"/>.</summary>
    public const string HttpError = "FHIR-REST-001";

    /// <summary>Every attempt exceeded <see cref="FhirClientOptions.AttemptTimeout"/>.</summary>
    public const string Timeout = "FHIR-REST-002";

    /// <summary>The server could not be reached or the connection failed, on every attempt.</summary>
    public const string NetworkFailure = "FHIR-REST-003";

    /// <summary>The answer was not FHIR JSON: wrong content type, malformed JSON, not a resource, or a search answer that is not a Bundle.</summary>
    public const string NotFhirJson = "FHIR-REST-004";

    /// <summary>The body was larger than <see cref="FhirClientOptions.MaxResponseBytes"/>.</summary>
    public const string ResponseTooLarge = "FHIR-REST-005";
}
