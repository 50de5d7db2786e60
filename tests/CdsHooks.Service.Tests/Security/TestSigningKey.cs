using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CdsHooks.Service.Tests.Security;

/// <summary>An ES384 (P-384) or RS384 (RSA 2048) key pair generated at test time, with its public JWK.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private TestSigningKey(string kid, string algorithm, ECDsa? ec, RSA? rsa)
    {
        Kid = kid;
        Algorithm = algorithm;
        _ec = ec;
        _rsa = rsa;
    }

    /// <summary>The key id.</summary>
    public string Kid { get; }

    /// <summary>ES384 or RS384 (or another algorithm of the same family).</summary>
    public string Algorithm { get; }

    /// <summary>A new P-384 key for ES384.</summary>
    public static TestSigningKey Es384(string kid) => new(kid, "ES384", ECDsa.Create(ECCurve.NamedCurves.nistP384), null);

    /// <summary>A new RSA 2048 key for RS384 (or <paramref name="algorithm"/>, e.g. RS256).</summary>
    public static TestSigningKey Rs(string kid, string algorithm = "RS384") => new(kid, algorithm, null, RSA.Create(2048));

    /// <summary>Signs the JWS signing input as the algorithm requires (JWS: IEEE P1363 for ECDSA, PKCS#1 v1.5 for RS).</summary>
    public byte[] Sign(byte[] input)
    {
        var hash = Algorithm[2..] switch { "256" => HashAlgorithmName.SHA256, "512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA384 };
        return _ec is not null
            ? _ec.SignData(input, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            : _rsa!.SignData(input, hash, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The public key as a JWK object.</summary>
    public JsonObject PublicJwk()
    {
        if (_ec is not null)
        {
            var p = _ec.ExportParameters(false);
            return new JsonObject { ["kty"] = "EC", ["crv"] = "P-384", ["kid"] = Kid, ["use"] = "sig", ["alg"] = Algorithm, ["x"] = Jwt.Base64Url(p.Q.X!), ["y"] = Jwt.Base64Url(p.Q.Y!) };
        }

        var r = _rsa!.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["kid"] = Kid, ["use"] = "sig", ["alg"] = Algorithm, ["n"] = Jwt.Base64Url(r.Modulus!), ["e"] = Jwt.Base64Url(r.Exponent!) };
    }

    /// <summary>The public key in PEM (SubjectPublicKeyInfo), the "secret" of the HS256 key-confusion attack.</summary>
    public string PublicPem() => _ec is not null ? _ec.ExportSubjectPublicKeyInfoPem() : _rsa!.ExportSubjectPublicKeyInfoPem();

    /// <summary>A JWKS document holding the public keys of <paramref name="keys"/>.</summary>
    public static string Jwks(params TestSigningKey[] keys) =>
        new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.PublicJwk()).ToArray()) }.ToJsonString();

    /// <summary>Settings registering this public key inline for client <paramref name="index"/>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> InlineSettings(int index, int keyIndex = 0)
    {
        foreach (var (name, value) in PublicJwk())
        {
            yield return new($"Authentication:Clients:{index}:Jwks:Keys:{keyIndex}:{name}", value!.GetValue<string>());
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }
}
