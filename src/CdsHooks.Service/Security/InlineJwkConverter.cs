using Microsoft.IdentityModel.Tokens;

namespace CdsHooks.Service.Security;

/// <summary>Turns a configured public key into IdentityModel's <see cref="JsonWebKey"/>.</summary>
internal static class InlineJwkConverter
{
    public static JsonWebKey? TryConvert(InlineJwk key)
    {
        var jwk = new JsonWebKey { Kid = key.Kid, Kty = key.Kty, Alg = key.Alg, Use = key.Use };
        switch (key.Kty)
        {
            case JsonWebAlgorithmsKeyTypes.EllipticCurve when key is { Crv: not null, X: not null, Y: not null }:
                jwk.Crv = key.Crv;
                jwk.X = key.X;
                jwk.Y = key.Y;
                return jwk;
            case JsonWebAlgorithmsKeyTypes.RSA when key is { N: not null, E: not null }:
                jwk.N = key.N;
                jwk.E = key.E;
                return jwk;
            default:
                return null;
        }
    }
}
