namespace CdsHooks.Service.Security;

/// <summary>The names of the authentication schemes and claims the service uses.</summary>
public static class CdsAuthenticationSchemes
{
    /// <summary>The scheme the CDS endpoints require: it forwards to <see cref="CdsClientJwt"/> or <see cref="Entra"/>.</summary>
    public const string Default = "CdsHooks";

    /// <summary>CDS Hooks client JWTs, checked against the client registry.</summary>
    public const string CdsClientJwt = "CdsClientJwt";

    /// <summary>Entra ID access tokens (JwtBearer).</summary>
    public const string Entra = "Entra";

    /// <summary>The authorization policy on discovery, the services and feedback.</summary>
    public const string Policy = "CdsClient";

    /// <summary>The claim holding the client's issuer.</summary>
    public const string IssuerClaim = "iss";

    /// <summary>The claim holding the client's tenant (CDS <c>tenant</c>, or Entra <c>tid</c>).</summary>
    public const string TenantClaim = "tenant";

    /// <summary>The claim holding the token id.</summary>
    public const string TokenIdClaim = "jti";
}
