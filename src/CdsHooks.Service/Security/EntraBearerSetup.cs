using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CdsHooks.Service.Security;

/// <summary>
/// Configures JwtBearer for Entra ID: the authority's metadata gives issuer and keys; the audience is this API;
/// lifetimes are checked against the injected clock; failures answer like every other 401, with no detail.
/// </summary>
internal static partial class EntraBearerSetup
{
    public static void Configure(JwtBearerOptions bearer, CdsAuthenticationOptions settings, TimeProvider time)
    {
        var entra = settings.Entra;
        bearer.Authority = entra.Authority;
        bearer.Audience = entra.Audience;
        bearer.RequireHttpsMetadata = entra.RequireHttpsMetadata;
        bearer.MapInboundClaims = false;
        bearer.IncludeErrorDetails = false;
        bearer.TokenValidationParameters.ValidAudience = entra.Audience;
        bearer.TokenValidationParameters.ValidAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];
        bearer.TokenValidationParameters.ClockSkew = settings.ClockSkew;
        bearer.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp > now - settings.ClockSkew && (notBefore is not { } nbf || nbf <= now + settings.ClockSkew);
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context => OnValidated(context, entra),
            OnAuthenticationFailed = context =>
            {
                SecurityLog.EntraRefused(Logger(context.HttpContext), context.Exception.GetType().Name);
                context.HttpContext.RequestServices.GetRequiredService<Telemetry.CdsHooksMetrics>().AuthFailure("Entra:" + context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await UnauthorizedResponse.WriteAsync(context.Response).ConfigureAwait(false);
            },
        };
    }

    private static Task OnValidated(TokenValidatedContext context, EntraOptions entra)
    {
        var principal = context.Principal!;
        if (entra.RequiredRoles.Count > 0 && !principal.FindAll("roles").Any(r => entra.RequiredRoles.Contains(r.Value, StringComparer.Ordinal)))
        {
            SecurityLog.EntraRefused(Logger(context.HttpContext), "MissingRequiredRole");
            context.Fail("The token carries none of the required roles.");
            return Task.CompletedTask;
        }

        // The audit trail and the rate limiter read the client's issuer and tenant under one name for both schemes.
        if (principal.FindFirst("tid") is { } tenant && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(CdsAuthenticationSchemes.TenantClaim, tenant.Value));
        }

        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraBearerSetup).FullName!);
}
