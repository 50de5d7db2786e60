namespace CdsHooks.Service.Endpoints;

/// <summary>Maps the CDS Hooks API: discovery, service calls and feedback, under <c>/cds-services</c>.</summary>
internal static class CdsHooksEndpoints
{
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/cds-services").WithTags("CDS Hooks");
        group.MapDiscovery();
        group.MapServiceInvocation();
        group.MapFeedback();
        return routes;
    }
}
