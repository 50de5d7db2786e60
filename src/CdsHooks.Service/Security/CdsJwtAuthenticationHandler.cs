using System.Security.Claims;
using System.Text.Encodings.Web;
using CdsHooks.Service.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CdsHooks.Service.Security;

/// <summary>
/// The CDS client JWT scheme: reads <c>Authorization: Bearer</c>, works out the <c>aud</c> this endpoint expects from
/// the configured public base URL, and hands the token to <see cref="CdsJwtValidator"/>.
/// </summary>
internal sealed class CdsJwtAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CdsJwtValidator validator,
    CdsHooksMetrics metrics,
    IOptions<CdsAuthenticationOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <summary>The <c>aud</c> values acceptable for a request path (CDS Hooks: the URL of the endpoint called).</summary>
    public static IReadOnlyCollection<string> ExpectedAudiences(CdsAuthenticationOptions settings, PathString path)
    {
        string baseUrl = settings.PublicBaseUrl!.TrimEnd('/');
        string called = baseUrl + path.Value!.TrimEnd('/');
        const string feedbackSuffix = "/feedback";
        if (settings.AcceptServiceAudienceForFeedback && called.EndsWith(feedbackSuffix, StringComparison.Ordinal))
        {
            return [called, called[..^feedbackSuffix.Length]];
        }

        return [called];
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = BearerToken(Request);
        if (token is null)
        {
            SecurityLog.NoToken(Logger);
            metrics.AuthFailure(nameof(CdsJwtFailure.Missing));
            return AuthenticateResult.NoResult();
        }

        var result = await validator.ValidateAsync(token, ExpectedAudiences(options.Value, Request.Path), Context.RequestAborted).ConfigureAwait(false);
        if (result.Identity is not { } client)
        {
            SecurityLog.Refused(Logger, result.Failure!.Value, SecurityLog.Bounded(result.ClaimedIssuer), SecurityLog.Bounded(result.ClaimedTokenId));
            metrics.AuthFailure(result.Failure.Value.ToString());
            return AuthenticateResult.Fail("The client JWT was refused.");
        }

        SecurityLog.Authenticated(Logger, client.Issuer, client.Tenant, client.TokenId);
        var claims = new List<Claim>
        {
            new(CdsAuthenticationSchemes.IssuerClaim, client.Issuer),
            new(CdsAuthenticationSchemes.TokenIdClaim, client.TokenId),
        };
        if (client.Tenant is not null)
        {
            claims.Add(new Claim(CdsAuthenticationSchemes.TenantClaim, client.Tenant));
        }

        if (client.Subject is not null)
        {
            claims.Add(new Claim("sub", client.Subject));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, CdsAuthenticationSchemes.IssuerClaim, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => UnauthorizedResponse.WriteAsync(Response);

    /// <summary>The bearer token of a request, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        string header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }
}
