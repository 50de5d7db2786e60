using System.Text;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// The FHIR server to query and the access token to present to it (CDS Hooks 2.0, <c>fhirServer</c> and
/// <c>fhirAuthorization.access_token</c>). The token is only ever sent to URLs under <see cref="BaseUrl"/>.
/// </summary>
/// <param name="BaseUrl">The FHIR base URL, absolute http or https, e.g. <c>https://ehr.example.org/fhir</c>.</param>
/// <param name="BearerToken">The OAuth 2.0 bearer access token, or null to send no <c>Authorization</c> header.</param>
public sealed record FhirServerTarget(Uri BaseUrl, string? BearerToken)
{
    // Records print every member by default; the token must never reach a log or a debugger string.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl is { IsAbsoluteUri: true } url ? url.GetLeftPart(UriPartial.Path) : BaseUrl?.OriginalString);
        builder.Append(", BearerToken = ").Append(BearerToken is null ? "null" : "(redacted)");
        return true;
    }
}
