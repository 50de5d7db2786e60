namespace CdsHooks.Service.Security;

/// <summary>Why a client JWT was refused. Logged (with <c>iss</c> and <c>jti</c>), never sent to the caller.</summary>
public enum CdsJwtFailure
{
    /// <summary>No bearer token was sent.</summary>
    Missing,

    /// <summary>The token is not a compact JWS.</summary>
    Malformed,

    /// <summary>The header's <c>typ</c> is not <c>JWT</c>.</summary>
    WrongType,

    /// <summary><c>none</c>, HMAC, or an algorithm not trusted for this client.</summary>
    AlgorithmNotAllowed,

    /// <summary>The header has no <c>kid</c>.</summary>
    MissingKeyId,

    /// <summary>A required claim (<c>iss</c>, <c>aud</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>) is missing or mistyped.</summary>
    MissingClaim,

    /// <summary>The <c>iss</c> is not registered.</summary>
    UnknownIssuer,

    /// <summary>The <c>jku</c> is outside the client's allowed prefixes.</summary>
    JkuNotAllowed,

    /// <summary>No key with the <c>kid</c> was found, even after refetching the JWKS.</summary>
    UnknownKey,

    /// <summary>The signature does not verify.</summary>
    BadSignature,

    /// <summary>The <c>aud</c> is not this endpoint's URL.</summary>
    WrongAudience,

    /// <summary>The <c>exp</c> has passed.</summary>
    Expired,

    /// <summary>The <c>iat</c> is in the future.</summary>
    IssuedInFuture,

    /// <summary>The <c>nbf</c> is in the future.</summary>
    NotYetValid,

    /// <summary><c>exp − iat</c> exceeds the accepted lifetime.</summary>
    LifetimeTooLong,

    /// <summary>The <c>tenant</c> is not the one registered for the client.</summary>
    WrongTenant,

    /// <summary>The <c>jti</c> was already used.</summary>
    Replayed,
}
