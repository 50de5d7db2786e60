namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Supplies the service's own bearer token for a FHIR server when the EHR sent no <c>fhirAuthorization</c> (e.g. a
/// client-credentials token for a backend FHIR server the site trusts). The default supplies none.
/// </summary>
public interface IFhirTokenSource
{
    /// <summary>A token for <paramref name="fhirServer"/>, or null to query without one (also when acquisition failed: the source logs why, and the FHIR server's refusal becomes a data gap).</summary>
    /// <param name="fhirServer">The request's <c>fhirServer</c>.</param>
    /// <param name="cancellationToken">Cancels the acquisition.</param>
    ValueTask<string?> GetTokenAsync(Uri fhirServer, CancellationToken cancellationToken);
}
