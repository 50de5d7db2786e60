using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsHooks.Service.Security;

/// <summary>
/// Validates a CDS client's JWT (CDS Hooks §Trusting CDS Clients and its best practices): header (<c>typ</c> JWT, an
/// asymmetric <c>alg</c> trusted for the client, <c>kid</c>), registered <c>iss</c>, exact <c>aud</c>, <c>exp</c>,
/// <c>iat</c> and <c>nbf</c> within the skew, bounded lifetime, <c>tenant</c>, the signature with the key chosen by
/// <c>kid</c> (inline, agreed JWKS URL, or an allowed <c>jku</c>), and last the one-time <c>jti</c>.
/// </summary>
internal sealed class CdsJwtValidator(
    CdsClientRegistry registry,
    JwksCache jwks,
    IReplayCache replay,
    IOptions<CdsAuthenticationOptions> options,
    TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Validates <paramref name="token"/> for an endpoint whose acceptable <c>aud</c> values are <paramref name="audiences"/>.</summary>
    public async Task<CdsJwtValidationResult> ValidateAsync(string token, IReadOnlyCollection<string> audiences, CancellationToken cancellationToken)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return CdsJwtValidationResult.Fail(CdsJwtFailure.Malformed);
        }

        string? issuer = Claim(jwt, JwtRegisteredClaimNames.Iss);
        string? tokenId = Claim(jwt, JwtRegisteredClaimNames.Jti);
        CdsClientRegistry.RegisteredClient? client = null;
        DateTimeOffset expires = default;
        var failure = CheckHeader(jwt);
        failure ??= CheckClaims(jwt, issuer, tokenId, audiences, out client, out expires);
        if (failure is not null)
        {
            return CdsJwtValidationResult.Fail(failure.Value, issuer, tokenId);
        }

        var (key, keyFailure) = await FindKeyAsync(jwt, client!, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return CdsJwtValidationResult.Fail(keyFailure, issuer, tokenId);
        }

        var signature = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = client!.Registration.EffectiveAlgorithms,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = false,
            // Issuer, audience and times were checked above, exactly and against the injected clock.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        }).ConfigureAwait(false);
        if (!signature.IsValid)
        {
            return CdsJwtValidationResult.Fail(CdsJwtFailure.BadSignature, issuer, tokenId);
        }

        // Last, so that only a token that is otherwise valid uses up its id.
        if (!await replay.TryRememberAsync(issuer!, tokenId!, expires + options.Value.ClockSkew, cancellationToken).ConfigureAwait(false))
        {
            return CdsJwtValidationResult.Fail(CdsJwtFailure.Replayed, issuer, tokenId);
        }

        return CdsJwtValidationResult.Success(new CdsClientIdentity(issuer!, Claim(jwt, "tenant"), tokenId!, Claim(jwt, JwtRegisteredClaimNames.Sub)));
    }

    private static CdsJwtFailure? CheckHeader(JsonWebToken jwt)
    {
        if (!string.Equals(jwt.Typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return CdsJwtFailure.WrongType;
        }

        // CDS Hooks: "none" and every symmetric algorithm SHALL NOT be used, whatever a client's registration says.
        if (string.IsNullOrEmpty(jwt.Alg) || jwt.Alg.Equals("none", StringComparison.OrdinalIgnoreCase) || jwt.Alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            return CdsJwtFailure.AlgorithmNotAllowed;
        }

        return string.IsNullOrEmpty(jwt.Kid) ? CdsJwtFailure.MissingKeyId : null;
    }

    private CdsJwtFailure? CheckClaims(
        JsonWebToken jwt, string? issuer, string? tokenId, IReadOnlyCollection<string> audiences, out CdsClientRegistry.RegisteredClient? client, out DateTimeOffset expires)
    {
        client = null;
        expires = default;
        if (issuer is null)
        {
            return CdsJwtFailure.MissingClaim;
        }

        client = registry.Find(issuer);
        if (client is null)
        {
            return CdsJwtFailure.UnknownIssuer;
        }

        if (!client.Registration.EffectiveAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return CdsJwtFailure.AlgorithmNotAllowed;
        }

        var tokenAudiences = jwt.Audiences.ToList();
        if (string.IsNullOrEmpty(tokenId) || tokenAudiences.Count == 0
            || NumericDate(jwt, JwtRegisteredClaimNames.Exp) is not { } exp || NumericDate(jwt, JwtRegisteredClaimNames.Iat) is not { } iat)
        {
            return CdsJwtFailure.MissingClaim;
        }

        expires = exp;
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (!tokenAudiences.Any(a => audiences.Contains(a, StringComparer.Ordinal)))
        {
            return CdsJwtFailure.WrongAudience;
        }

        if (exp <= now - settings.ClockSkew)
        {
            return CdsJwtFailure.Expired;
        }

        if (iat > now + settings.ClockSkew)
        {
            return CdsJwtFailure.IssuedInFuture;
        }

        if (NumericDate(jwt, JwtRegisteredClaimNames.Nbf) is { } nbf && nbf > now + settings.ClockSkew)
        {
            return CdsJwtFailure.NotYetValid;
        }

        if (exp - iat > settings.MaxTokenLifetime)
        {
            return CdsJwtFailure.LifetimeTooLong;
        }

        if (client.Registration.Tenant is { } tenant && !string.Equals(Claim(jwt, "tenant"), tenant, StringComparison.Ordinal))
        {
            return CdsJwtFailure.WrongTenant;
        }

        return null;
    }

    private async Task<(JsonWebKey? Key, CdsJwtFailure Failure)> FindKeyAsync(JsonWebToken jwt, CdsClientRegistry.RegisteredClient client, CancellationToken cancellationToken)
    {
        var registration = client.Registration;
        if (jwt.TryGetHeaderValue("jku", out string? jku) && jku is not null)
        {
            if (!JwksUrls.IsAllowedJku(jku, registration.AllowedJkuPrefixes))
            {
                return (null, CdsJwtFailure.JkuNotAllowed);
            }

            return (await jwks.FindKeyAsync(jku, jwt.Kid, cancellationToken).ConfigureAwait(false), CdsJwtFailure.UnknownKey);
        }

        var inline = client.InlineKeys.FirstOrDefault(k => string.Equals(k.Kid, jwt.Kid, StringComparison.Ordinal));
        if (inline is null && registration.JwksUrl is not null)
        {
            inline = await jwks.FindKeyAsync(registration.JwksUrl, jwt.Kid, cancellationToken).ConfigureAwait(false);
        }

        return (inline, CdsJwtFailure.UnknownKey);
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue(name, out string? value) && !string.IsNullOrEmpty(value) ? value : null;

    private static DateTimeOffset? NumericDate(JsonWebToken jwt, string name)
    {
        if (jwt.TryGetPayloadValue(name, out long seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return jwt.TryGetPayloadValue(name, out double fractional) && double.IsFinite(fractional) && Math.Abs(fractional) < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(fractional * 1000))
            : null;
    }
}
