using CdsHooks.Protocol.Discovery;
using CdsHooks.Protocol.Json;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdsHooks.Service.Endpoints;

/// <summary><c>GET /cds-services</c> (CDS Hooks §Discovery).</summary>
internal static class DiscoveryEndpoints
{
    public static RouteGroupBuilder MapDiscovery(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetDiscovery)
            .WithName("Discovery")
            .WithSummary("Lists the CDS services with their hooks and prefetch templates.");
        return group;
    }

    private static JsonHttpResult<DiscoveryResponse> GetDiscovery(DiscoveryDocument discovery) =>
        TypedResults.Json(discovery.Response, CdsJson.TypeInfo<DiscoveryResponse>());
}
