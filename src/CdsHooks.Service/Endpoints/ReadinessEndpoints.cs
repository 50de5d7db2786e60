using System.Text.Json;
using CdsHooks.Clinical.Readiness;
using CdsHooks.Fhir.Rest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdsHooks.Service.Endpoints;

/// <summary>
/// <c>POST /readiness</c>: a data-readiness report for one patient, from a Bundle of the patient's resources, or from
/// <c>{"patientId", "fhirServer", "fhirAuthorization"}</c>, which the service reads with the queries it prefetches.
/// </summary>
internal static partial class ReadinessEndpoints
{
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/readiness", PostAsync)
            .WithName("Readiness")
            .WithSummary("Which data elements each pack reads are present, absent, uncoded or failing the profile for one patient.")
            .WithTags("Conformance");
        return routes;
    }

    private static async Task<JsonHttpResult<ReadinessReport>> PostAsync(HttpContext http, ReadinessService readiness, ILogger<ReadinessService> logger)
    {
        JsonRequestBody.EnsureJson(http.Request);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw new InvalidReadinessRequestException(InvalidReadinessRequestException.UnsupportedBody, "The body is not well-formed JSON.");
        }

        using (document)
        {
            var body = document.RootElement;
            var report = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("fhirServer", out _)
                ? await readiness.FromServerAsync(Target(body), PatientId(body), http.RequestAborted)
                : readiness.FromBundle(body);
            if (logger.IsEnabled(LogLevel.Information))
            {
                int inScope = report.Packs.Count(p => p.InScope == "yes");
                LogReported(logger, inScope, report.Validation.Checked, report.Validation.Invalid);
            }

            return TypedResults.Json(report, ReadinessJsonContext.Default.ReadinessReport, "application/json");
        }
    }

    private static FhirServerTarget Target(JsonElement body)
    {
        if (String(body, "fhirServer") is not { } server || !Uri.TryCreate(server, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidReadinessRequestException(InvalidReadinessRequestException.InvalidFhirServer, "'fhirServer' must be an absolute http or https URL.");
        }

        string? token = body.TryGetProperty("fhirAuthorization", out var authorization) ? String(authorization, "access_token") : null;
        return new FhirServerTarget(url, token);
    }

    private static string PatientId(JsonElement body) => String(body, "patientId") is { Length: > 0 } id
        ? id
        : throw new InvalidReadinessRequestException(InvalidReadinessRequestException.UnknownPatient, "'patientId' is required with 'fhirServer'.");

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Readiness report: {PacksInScope} packs in scope, {Checked} resources validated, {Invalid} failing")]
    private static partial void LogReported(ILogger logger, int packsInScope, int @checked, int invalid);
}
