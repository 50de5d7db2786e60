namespace CdsHooks.Fhir.Rest;

/// <summary>What logs and exceptions may say about one request: never its query string or the token.</summary>
/// <param name="ResourceType">The resource type addressed, or <see cref="FhirUrls.UnknownResourceType"/>.</param>
/// <param name="ServerAuthority">The server as <c>scheme://host:port</c>.</param>
internal sealed record FhirRequestInfo(string ResourceType, string ServerAuthority)
{
    public FhirRequestException Failure(string code, string description, int? statusCode = null)
        => new(code, description, ResourceType, ServerAuthority, statusCode);
}
