namespace CdsHooks.Service.Security;

/// <summary>One public JSON Web Key (RFC 7517) in configuration; private members are refused.</summary>
public sealed class InlineJwk
{
    /// <summary><c>EC</c> or <c>RSA</c>.</summary>
    public string? Kty { get; set; }

    /// <summary>The key id the token's <c>kid</c> names.</summary>
    public string? Kid { get; set; }

    /// <summary>The algorithm the key is for, if stated.</summary>
    public string? Alg { get; set; }

    /// <summary>The key use, if stated (<c>sig</c>).</summary>
    public string? Use { get; set; }

    /// <summary>EC curve, e.g. <c>P-384</c>.</summary>
    public string? Crv { get; set; }

    /// <summary>EC x coordinate (base64url).</summary>
    public string? X { get; set; }

    /// <summary>EC y coordinate (base64url).</summary>
    public string? Y { get; set; }

    /// <summary>RSA modulus (base64url).</summary>
    public string? N { get; set; }

    /// <summary>RSA exponent (base64url).</summary>
    public string? E { get; set; }

    /// <summary>A private member; set only by mistake, and then refused at startup.</summary>
    public string? D { get; set; }
}
