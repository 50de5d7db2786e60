namespace CdsHooks.Service.Security;

/// <summary>The outcome of validating a client JWT: an identity, or the reason it was refused.</summary>
public sealed record CdsJwtValidationResult
{
    private CdsJwtValidationResult()
    {
    }

    /// <summary>The client, when the token is valid.</summary>
    public CdsClientIdentity? Identity { get; private init; }

    /// <summary>Why the token was refused, when it was.</summary>
    public CdsJwtFailure? Failure { get; private init; }

    /// <summary>The unverified <c>iss</c>, for the log only.</summary>
    public string? ClaimedIssuer { get; private init; }

    /// <summary>The unverified <c>jti</c>, for the log only.</summary>
    public string? ClaimedTokenId { get; private init; }

    /// <summary>A valid token's result.</summary>
    public static CdsJwtValidationResult Success(CdsClientIdentity identity) => new() { Identity = identity };

    /// <summary>A refused token's result.</summary>
    public static CdsJwtValidationResult Fail(CdsJwtFailure failure, string? issuer = null, string? tokenId = null) =>
        new() { Failure = failure, ClaimedIssuer = issuer, ClaimedTokenId = tokenId };
}
