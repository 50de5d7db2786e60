using CdsHooks.Clinical.Services;
using CdsHooks.Protocol.Json;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Hosting;
using CdsHooks.Service.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Endpoints;

/// <summary>
/// <c>POST /cds-services/{id}/feedback</c> (CDS Hooks 2.0 §Feedback). Stored durably and idempotently; the answer is
/// 200 with how many items were new. The spec defines no response body.
/// </summary>
internal static partial class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder group)
    {
        group.MapPost("/{id}/feedback", PostFeedbackAsync)
            .WithName("Feedback")
            .WithSummary("Records whether cards were accepted or overridden.");
        return group;
    }

    private static async Task<JsonHttpResult<FeedbackReceipt>> PostFeedbackAsync(string id, HttpContext http, [AsParameters] FeedbackServices services)
    {
        if (!services.Catalog.TryFind(id, out _))
        {
            throw new UnknownServiceException(id);
        }

        JsonRequestBody.EnsureJson(http.Request);
        var feedback = await FeedbackReader.ReadAsync(http.Request.Body, services.Options.Value.FeedbackLimits, http.RequestAborted);
        int stored = await services.Store.StoreAsync(id, feedback.Feedback, http.RequestAborted);
        LogStored(services.Logger, id, feedback.Feedback.Count, stored);
        foreach (var outcome in feedback.Feedback.GroupBy(f => FeedbackText.Outcome(f.Outcome)))
        {
            services.Metrics.Feedback(id, outcome.Key, outcome.Count());
        }

        services.Metrics.FeedbackStored(id, stored);
        return TypedResults.Json(new FeedbackReceipt(feedback.Feedback.Count, stored), HostJsonContext.Default.FeedbackReceipt);
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Feedback for {ServiceId}: {Received} items, {Stored} new")]
    private static partial void LogStored(ILogger logger, string serviceId, int received, int stored);

    internal sealed record FeedbackServices(
        CdsServiceCatalog Catalog,
        IFeedbackStore Store,
        IOptions<ServiceOptions> Options,
        CdsHooksMetrics Metrics,
        ILogger<FeedbackServices> Logger);
}
