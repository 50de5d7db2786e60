using CdsHooks.Service.Security;

namespace CdsHooks.Service.Endpoints;

/// <summary>
/// Maps the CDS Hooks API: discovery, service calls and feedback, under <c>/cds-services</c>, each behind client
/// authentication (CDS Hooks §Trusting CDS Clients: discovery included) and the per-client rate limit.
/// </summary>
internal static class CdsHooksEndpoints
{
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/cds-services").WithTags("CDS Hooks").RequireCdsClient();
        group.MapDiscovery();
        group.MapServiceInvocation();
        group.MapFeedback();
        return routes;
    }
}
