using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Services;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Responses;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Endpoints;

/// <summary><c>POST /cds-services/{id}</c> (CDS Hooks §Calling a CDS Service).</summary>
internal static partial class ServiceInvocationEndpoints
{
    public static RouteGroupBuilder MapServiceInvocation(this RouteGroupBuilder group)
    {
        group.MapPost("/{id}", InvokeAsync)
            .WithName("InvokeService")
            .WithSummary("Calls a CDS service with a hook request; answers with cards.");
        return group;
    }

    private static async Task<JsonHttpResult<CdsResponse>> InvokeAsync(string id, HttpContext http, [AsParameters] InvocationServices services)
    {
        // An unknown id is answered before a body of up to tens of megabytes is read.
        if (!services.Catalog.TryFind(id, out _))
        {
            throw new UnknownServiceException(id);
        }

        var audit = InvocationFeature.Start(http, id);
        JsonRequestBody.EnsureJson(http.Request);
        using var parsed = await CdsRequestReader.ReadAsync(http.Request.Body, services.Options.Value.RequestLimits, http.RequestAborted);
        audit.Read(parsed.Request);
        using var scope = services.Logger.BeginScope(new HookLogScope(id, parsed.Request.HookInstance));
        var result = await services.Invoker.InvokeDetailedAsync(id, parsed.Request, http.RequestAborted);
        audit.Complete(result);
        LogAnswered(services.Logger, result.Response.Cards.Count);
        return TypedResults.Json(result.Response, CdsJson.TypeInfo<CdsResponse>());
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Answered with {CardCount} cards")]
    private static partial void LogAnswered(ILogger logger, int cardCount);

    internal sealed record InvocationServices(
        CdsServiceCatalog Catalog,
        CdsServiceInvoker Invoker,
        IOptions<ServiceOptions> Options,
        ILogger<InvocationServices> Logger);
}
