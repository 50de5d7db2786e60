using CdsHooks.Clinical.Explanation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Protocol.Hooks;
using CdsHooks.Protocol.Json;
using CdsHooks.Service.Endpoints;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Smart;

/// <summary>
/// <c>POST /smart-app/api/explain/{serviceId}</c>: the SMART app sends the same request an EHR would send the service
/// (hook, context, prefetch it read from the FHIR server with its token) and gets back the engine's evaluation trace of
/// every rule, with evidence, assumptions and missing data. The bearer token must be one the demo authorization server
/// issued, for the patient in the request.
/// </summary>
internal static partial class ExplainEndpoints
{
    public static IEndpointRouteBuilder MapExplain(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/smart-app/api/explain/{serviceId}", ExplainAsync)
            .WithName("ExplainAssessment").WithTags("SMART (demo)")
            .WithSummary("Explains a hook call: the engine's criterion trace of each rule, with evidence, assumptions and missing data.");
        return routes;
    }

    private static async Task<Results<JsonHttpResult<AssessmentExplanation>, UnauthorizedHttpResult, StatusCodeHttpResult>> ExplainAsync(
        string serviceId, HttpContext http, [AsParameters] ExplainServices services)
    {
        string header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !services.Store.TryGetToken(header["Bearer ".Length..].Trim(), out var token))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return TypedResults.Unauthorized();
        }

        JsonRequestBody.EnsureJson(http.Request);
        using var parsed = await CdsRequestReader.ReadAsync(http.Request.Body, services.Options.Value.RequestLimits, http.RequestAborted);

        // The token is patient-scoped: it explains its own patient only.
        if (HookContext.Parse(parsed.Request.Hook, parsed.Request.Context).PatientId != token.PatientId)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var invocation = await services.Invoker.PrepareAsync(serviceId, parsed.Request, http.RequestAborted);
        var explanation = services.Explainer.Explain(invocation);
        LogExplained(services.Logger, serviceId, explanation.Rules.Count);
        return TypedResults.Json(explanation, ExplanationJsonContext.Default.AssessmentExplanation);
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Explained a call to {ServiceId}: {RuleCount} rules traced")]
    private static partial void LogExplained(ILogger logger, string serviceId, int ruleCount);

    internal sealed record ExplainServices(
        CdsServiceInvoker Invoker,
        AssessmentExplainer Explainer,
        SmartAuthorizationStore Store,
        IOptions<ServiceOptions> Options,
        ILogger<AssessmentExplainer> Logger);
}
