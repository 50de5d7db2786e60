using CdsHooks.Service.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CdsHooks.Service.Hosting;

/// <summary>
/// Liveness (<c>/health/live</c>, also <c>/health</c>): the process answers. Readiness (<c>/health/ready</c>): the
/// store answers and its schema is current, so a load balancer sends no traffic to an instance that cannot record.
/// </summary>
internal static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var liveness = new HealthCheckOptions { Predicate = _ => false };
        routes.MapHealthChecks("/health", liveness);
        routes.MapHealthChecks(Live, liveness);
        routes.MapHealthChecks(Ready, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(StorageServiceCollectionExtensions.ReadinessTag),
        });
        return routes;
    }
}
