namespace CdsHooks.Service.FhirBackend;

/// <summary>
/// The service's own credential for a backend FHIR server such as Azure Health Data Services (configuration section
/// <c>FhirBackend</c>): when a request brings no <c>fhirAuthorization</c> and names one of <see cref="FhirServers"/>,
/// a client-credentials token is acquired with MSAL and cached until it expires.
/// </summary>
public sealed class FhirBackendOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FhirBackend";

    /// <summary>Whether the site allows the service's own credential to be used (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>The Entra authority, e.g. <c>https://login.microsoftonline.com/{tenant-id}</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The service's application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from a Kubernetes Secret or a vault, never from a committed file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for, e.g. <c>https://{workspace}-{fhir}.fhir.azurehealthcareapis.com/.default</c>.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>
    /// The FHIR base URLs the token may be sent to, compared exactly (trailing slash aside). A request naming any
    /// other <c>fhirServer</c> gets no token: the service's credential never goes to a server the EHR picked.
    /// </summary>
    public IList<string> FhirServers { get; } = [];

    /// <summary>Whether MSAL validates the authority through Entra instance discovery (default true; off only for a local test authority).</summary>
    public bool ValidateAuthority { get; set; } = true;
}
