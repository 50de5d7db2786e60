using System.Net.Http.Headers;

namespace CdsHooks.Fhir.Rest;

/// <summary>The FHIR JSON media types (FHIR R4 http.html#mime-type).</summary>
public static class FhirMediaTypes
{
    /// <summary>The FHIR JSON media type, <c>application/fhir+json</c>.</summary>
    public const string FhirJson = "application/fhir+json";

    /// <summary>Plain JSON, which many FHIR servers answer with.</summary>
    public const string Json = "application/json";

    /// <summary>The DSTU2-era type some servers still send.</summary>
    public const string LegacyFhirJson = "application/json+fhir";

    /// <summary>The <c>Accept</c> header sent with every request: FHIR JSON preferred, plain JSON accepted.</summary>
    public const string AcceptHeader = "application/fhir+json, application/json;q=0.9";

    /// <summary>Whether a response's content type is one of the JSON types a FHIR server may use (parameters such as charset allowed).</summary>
    /// <param name="contentType">The response's <c>Content-Type</c>, or null when it had none.</param>
    /// <returns>Whether the body may be read as FHIR JSON.</returns>
    public static bool IsFhirJson(MediaTypeHeaderValue? contentType)
        => contentType?.MediaType is { } mediaType
           && (string.Equals(mediaType, FhirJson, StringComparison.OrdinalIgnoreCase)
               || string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase)
               || string.Equals(mediaType, LegacyFhirJson, StringComparison.OrdinalIgnoreCase));
}
