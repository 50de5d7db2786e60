namespace CdsHooks.Service.Security;

/// <summary>One trusted CDS client: who it is, where its keys are, and what it may use.</summary>
public sealed class CdsClientRegistration
{
    /// <summary>The client's <c>iss</c>, matched exactly.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>A JWKS URL agreed out of band, used when a token carries no <c>jku</c>.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The client's public keys given inline, as a JWKS (<c>{"keys":[…]}</c>), used when a token carries no <c>jku</c>.</summary>
    public InlineJwks? Jwks { get; set; }

    /// <summary>
    /// URL prefixes a token's <c>jku</c> may start with (e.g. <c>https://sandbox.cds-hooks.org/.well-known/</c>). A
    /// token with a <c>jku</c> outside them is refused; with none listed, a token with a <c>jku</c> is refused.
    /// </summary>
    public IList<string> AllowedJkuPrefixes { get; } = [];

    /// <summary>The signature algorithms trusted for this client; empty means ES384 and RS384.</summary>
    public IList<string> Algorithms { get; } = [];

    /// <summary>When set, the token's <c>tenant</c> claim must equal it.</summary>
    public string? Tenant { get; set; }

    /// <summary>The algorithms in force.</summary>
    public IReadOnlyList<string> EffectiveAlgorithms => Algorithms.Count == 0 ? CdsAuthenticationOptions.DefaultAlgorithms : Algorithms.ToList();
}
