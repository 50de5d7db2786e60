using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsHooks.Service.Tests.Security;

/// <summary>
/// Builds compact JWS tokens by hand, so tests can make every malformation an attacker could send: any header, any
/// claims, no signature, an HMAC keyed with the public key, a payload changed after signing.
/// </summary>
public sealed class Jwt
{
    /// <summary>The header; defaults: typ JWT, the key's alg and kid.</summary>
    public JsonObject Header { get; } = new();

    /// <summary>The claims.</summary>
    public JsonObject Claims { get; } = new();

    /// <summary>A CDS Hooks client token as the spec describes it: iss, aud, exp = now + 5 min, iat = now, jti.</summary>
    public static Jwt ForClient(TestSigningKey key, string issuer, string audience, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var jwt = new Jwt();
        jwt.Header["alg"] = key.Algorithm;
        jwt.Header["typ"] = "JWT";
        jwt.Header["kid"] = key.Kid;
        jwt.Claims["iss"] = issuer;
        jwt.Claims["aud"] = audience;
        jwt.Claims["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds();
        jwt.Claims["iat"] = now.ToUnixTimeSeconds();
        jwt.Claims["jti"] = Guid.NewGuid().ToString();
        return jwt;
    }

    /// <summary>Signs with the key.</summary>
    public string Sign(TestSigningKey key)
    {
        string input = SigningInput();
        return input + "." + Base64Url(key.Sign(Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>An unsecured JWS (alg none, empty signature).</summary>
    public string WithoutSignature()
    {
        Header["alg"] = "none";
        return SigningInput() + ".";
    }

    /// <summary>HS256 keyed with <paramref name="secret"/> (the algorithm-confusion attack when it is a public key).</summary>
    public string SignHs256(string secret)
    {
        Header["alg"] = "HS256";
        string input = SigningInput();
        return input + "." + Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>base64url without padding (RFC 7515 §2).</summary>
    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string SigningInput() =>
        Base64Url(Encoding.UTF8.GetBytes(Header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(Claims.ToJsonString()));
}
