using System.Threading.RateLimiting;
using CdsHooks.Service.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Security;

/// <summary>
/// One token bucket per authenticated client <c>iss</c> (per remote address when authentication is off), so that
/// one EHR's burst cannot starve the others. Rejections answer 429 with <c>Retry-After</c>.
/// </summary>
internal static class ClientRateLimiting
{
    public const string Policy = "per-client";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        string key = PartitionKey(context);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(CdsAuthenticationSchemes.IssuerClaim)?.Value is { } issuer
            ? "iss:" + issuer
            : "ip:" + context.Connection.RemoteIpAddress;

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        SecurityLog.RateLimited(
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimiting).FullName!),
            SecurityLog.Bounded(http.User.FindFirst(CdsAuthenticationSchemes.IssuerClaim)?.Value ?? "(anonymous)"));
        http.Response.Headers.RetryAfter = "1";
        await OperationOutcomeResponse.WriteAsync(
            http.Response,
            StatusCodes.Status429TooManyRequests,
            [OperationOutcomeResponse.Issue("throttled", "Too many requests from this client; retry after the time in Retry-After.")]).ConfigureAwait(false);
    }
}
