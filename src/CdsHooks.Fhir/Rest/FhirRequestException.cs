namespace CdsHooks.Fhir.Rest;

/// <summary>
/// A FHIR REST request failed. <see cref="Code"/> is stable (see <see cref="FhirRestErrorCodes"/>). The
/// message names only the resource type, the status code and the server's authority: never the query
/// string (it carries the patient id), the token or the response body.
/// </summary>
public sealed class FhirRequestException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="description">What went wrong, free of patient data.</param>
    /// <param name="resourceType">The FHIR resource type asked for, e.g. <c>Condition</c>.</param>
    /// <param name="serverAuthority">The server as <c>scheme://host:port</c>.</param>
    /// <param name="statusCode">The HTTP status code, when the server answered.</param>
    public FhirRequestException(string code, string description, string resourceType, string serverAuthority, int? statusCode)
        : base($"{code}: {description} (GET {resourceType} on {serverAuthority}{(statusCode is { } s ? $", HTTP {s}" : string.Empty)})")
    {
        Code = code;
        ResourceType = resourceType;
        ServerAuthority = serverAuthority;
        StatusCode = statusCode;
    }

    /// <summary>The stable error code, e.g. <c>FHIR-REST-001</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status code of the answer, or null when none came (timeout, network failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The FHIR resource type asked for, e.g. <c>Condition</c>, or <c>unknown</c> when the URL does not name one.</summary>
    public string ResourceType { get; }

    /// <summary>The server as <c>scheme://host:port</c>.</summary>
    public string ServerAuthority { get; }
}
