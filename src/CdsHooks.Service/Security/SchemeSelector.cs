using Microsoft.IdentityModel.JsonWebTokens;

namespace CdsHooks.Service.Security;

/// <summary>
/// Picks the scheme for a request by the token's (unverified) <c>iss</c>: a registered CDS client goes to the CDS
/// JWT scheme, anything else to Entra when Entra is on. The chosen scheme then verifies everything itself.
/// </summary>
internal static class SchemeSelector
{
    public static string Select(HttpContext context, CdsClientRegistry registry, bool entraEnabled)
    {
        if (!entraEnabled)
        {
            return CdsAuthenticationSchemes.CdsClientJwt;
        }

        string? token = CdsJwtAuthenticationHandler.BearerToken(context.Request);
        if (token is null)
        {
            return CdsAuthenticationSchemes.CdsClientJwt;
        }

        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.TryGetPayloadValue("iss", out string? issuer) && issuer is not null && registry.Contains(issuer)
                ? CdsAuthenticationSchemes.CdsClientJwt
                : CdsAuthenticationSchemes.Entra;
        }
        catch (ArgumentException)
        {
            return CdsAuthenticationSchemes.CdsClientJwt;
        }
    }
}
