using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Security;

/// <summary>
/// Checks the client registry at startup, with messages that name the setting and what to change: a registry that
/// would accept forgeable tokens (HS*, <c>none</c>), or that no token could satisfy, stops the host.
/// </summary>
internal sealed class CdsAuthenticationOptionsValidator : IValidateOptions<CdsAuthenticationOptions>
{
    private static readonly HashSet<string> Asymmetric = new(StringComparer.Ordinal)
    {
        "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
    };

    public ValidateOptionsResult Validate(string? name, CdsAuthenticationOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!IsHttpUrl(options.PublicBaseUrl, out var baseUrl) || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            errors.Add("Authentication:PublicBaseUrl must be the service's public http(s) base URL without query, e.g. https://cds.example.org (the expected 'aud' is built from it). To run without authentication, set Authentication:Enabled to false.");
        }

        if (options.Clients.Count == 0 && !options.Entra.Enabled)
        {
            errors.Add("Authentication is enabled but no client is registered: add one under Authentication:Clients (see docs/authentication.md), enable Authentication:Entra, or set Authentication:Enabled to false.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Clients.Count; i++)
        {
            ValidateClient($"Authentication:Clients:{i}", options.Clients[i], seen, errors);
        }

        if (options.Entra.Enabled)
        {
            if (!IsHttpUrl(options.Entra.Authority, out _))
            {
                errors.Add("Authentication:Entra:Authority must be an absolute URL, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0.");
            }

            if (string.IsNullOrWhiteSpace(options.Entra.Audience))
            {
                errors.Add("Authentication:Entra:Audience is required: this API's application ID URI or client id.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateClient(string path, CdsClientRegistration client, HashSet<string> seen, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(client.Issuer))
        {
            errors.Add($"{path}:Issuer is required: the client's 'iss', matched exactly.");
        }
        else if (!seen.Add(client.Issuer))
        {
            errors.Add($"{path}:Issuer '{client.Issuer}' is registered twice.");
        }

        foreach (string alg in client.Algorithms.Where(a => !Asymmetric.Contains(a)))
        {
            errors.Add($"{path}:Algorithms lists '{alg}': only asymmetric algorithms (ES384, RS384, …) are allowed; 'none' and HMAC (HS*) SHALL NOT be used.");
        }

        bool hasSource = client.Jwks is { Keys.Count: > 0 } || client.JwksUrl is not null || client.AllowedJkuPrefixes.Count > 0;
        if (!hasSource)
        {
            errors.Add($"{path} has no keys: set JwksUrl, Jwks (inline) or AllowedJkuPrefixes.");
        }

        if (client.JwksUrl is not null && !JwksUrls.IsAcceptable(client.JwksUrl))
        {
            errors.Add($"{path}:JwksUrl must be an absolute https URL (http only on loopback).");
        }

        foreach (string prefix in client.AllowedJkuPrefixes.Where(p => !JwksUrls.IsAcceptablePrefix(p)))
        {
            errors.Add($"{path}:AllowedJkuPrefixes has '{prefix}': a prefix must be an https URL (http only on loopback) with a path after the host, e.g. https://ehr.example.org/jwks/.");
        }

        for (int k = 0; k < (client.Jwks?.Keys.Count ?? 0); k++)
        {
            var key = client.Jwks!.Keys[k];
            if (key.D is not null)
            {
                errors.Add($"{path}:Jwks:Keys:{k} holds a private key ('d'): register only the public key.");
            }
            else if (string.IsNullOrEmpty(key.Kid) || InlineJwkConverter.TryConvert(key) is null)
            {
                errors.Add($"{path}:Jwks:Keys:{k} is not a usable public key: it needs 'kid' and either kty EC with crv, x, y or kty RSA with n, e.");
            }
        }
    }

    private static bool IsHttpUrl(string? value, out Uri url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
