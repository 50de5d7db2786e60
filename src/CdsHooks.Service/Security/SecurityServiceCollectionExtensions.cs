using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Security;

/// <summary>Registers client authentication (CDS JWT and optionally Entra), its policy and per-client rate limiting.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddCdsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CdsAuthenticationOptions.SectionName);
        services.AddOptions<CdsAuthenticationOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdsAuthenticationOptions>, CdsAuthenticationOptionsValidator>());
        services.AddSingleton<CdsClientRegistry>();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<CdsJwtValidator>();
        services.AddHttpClient(JwksCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        bool entraEnabled = section.GetValue<bool>("Entra:Enabled");
        // No default scheme: only the CDS endpoints' policy authenticates, so health probes and preflight run no token checks.
        var authentication = services.AddAuthentication()
            .AddPolicyScheme(CdsAuthenticationSchemes.Default, "CDS Hooks client", policy => policy.ForwardDefaultSelector = context =>
                SchemeSelector.Select(context, context.RequestServices.GetRequiredService<CdsClientRegistry>(), entraEnabled))
            .AddScheme<AuthenticationSchemeOptions, CdsJwtAuthenticationHandler>(CdsAuthenticationSchemes.CdsClientJwt, null);
        if (entraEnabled)
        {
            authentication.AddJwtBearer(CdsAuthenticationSchemes.Entra, _ => { });
            services.AddOptions<JwtBearerOptions>(CdsAuthenticationSchemes.Entra)
                .Configure<IOptions<CdsAuthenticationOptions>, TimeProvider>((bearer, settings, time) => EntraBearerSetup.Configure(bearer, settings.Value, time));
        }

        services.AddAuthorizationBuilder().AddPolicy(CdsAuthenticationSchemes.Policy, policy => policy
            .AddAuthenticationSchemes(CdsAuthenticationSchemes.Default)
            .RequireAuthenticatedUser());
        services.AddClientRateLimiting(configuration);
        return services;
    }

    /// <summary>
    /// Puts the CDS endpoints behind client authentication, unless it was switched off explicitly, and behind the
    /// per-client rate limit. CORS preflight is answered before this, so it needs no token.
    /// </summary>
    public static RouteGroupBuilder RequireCdsClient(this RouteGroupBuilder group)
    {
        var services = ((IEndpointRouteBuilder)group).ServiceProvider;
        if (services.GetRequiredService<IOptions<CdsAuthenticationOptions>>().Value.Enabled)
        {
            group.RequireAuthorization(CdsAuthenticationSchemes.Policy);
        }
        else
        {
            SecurityLog.Disabled(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityServiceCollectionExtensions).FullName!));
        }

        group.RequireRateLimiting(ClientRateLimiting.Policy);
        return group;
    }
}
