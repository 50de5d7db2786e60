using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Readiness;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Model;
using CdsHooks.Protocol.Errors;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace CdsHooks.Service.Errors;

/// <summary>
/// The one place that turns exceptions into HTTP: typed exceptions from Protocol and Clinical become 4xx with an
/// OperationOutcome saying what is wrong; anything else is a 500 that says only that it was logged.
/// </summary>
internal sealed partial class OperationOutcomeExceptionHandler(ILogger<OperationOutcomeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The endpoint's logging scope has ended by now; a failed hook call is logged under its identity all the same.
        using var scope = httpContext.Features.Get<InvocationFeature>() is { HookInstance: { } hookInstance } call
            ? logger.BeginScope(new HookLogScope(call.ServiceId, hookInstance))
            : null;
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away (a cancelled read, a reset connection): there is nobody to answer, and no fault here.
            LogAborted(logger);
            return true;
        }

        (int status, IReadOnlyList<OperationOutcomeIssue> issues) = Map(exception);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
        }
        else
        {
            LogRejected(logger, status, issues[0].Details?.Coding?[0].Code ?? issues[0].Code ?? "unknown");
        }

        try
        {
            await OperationOutcomeResponse.WriteAsync(httpContext.Response, status, issues).ConfigureAwait(false);
        }
        catch (Exception writeFailure) when (writeFailure is OperationCanceledException or IOException)
        {
            // Most often the caller closed the connection while sending the body: the answer has nowhere to go.
            if (writeFailure is OperationCanceledException || httpContext.RequestAborted.IsCancellationRequested)
            {
                LogAborted(logger);
            }
            else
            {
                LogAnswerNotWritten(logger, writeFailure);
            }
        }

        return true;
    }

    private static (int Status, IReadOnlyList<OperationOutcomeIssue> Issues) Map(Exception exception) => exception switch
    {
        InvalidCdsRequestException invalid => (
            invalid.Code == CdsErrorCodes.BodyTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            [OperationOutcomeResponse.Issue(IssueType(invalid.Code), invalid.Message, invalid.Code, invalid.Path)]),
        UnknownServiceException unknown => (StatusCodes.Status404NotFound, [OperationOutcomeResponse.Issue("not-found", unknown.Message)]),
        PrefetchUnavailableException unavailable => (
            StatusCodes.Status412PreconditionFailed,
            unavailable.Keys.Select(k => OperationOutcomeResponse.Issue("processing", PrefetchUnavailableException.Describe(k), expression: $"prefetch.{k.Key.Key}")).ToList()),
        InvalidReadinessRequestException readiness => (StatusCodes.Status400BadRequest, [OperationOutcomeResponse.Issue("invalid", readiness.Message, readiness.Code)]),
        UnsupportedMediaTypeException media => (StatusCodes.Status415UnsupportedMediaType, [OperationOutcomeResponse.Issue("not-supported", media.Message)]),
        BadHttpRequestException bad => (bad.StatusCode, [OperationOutcomeResponse.Issue("structure", BadRequestMessage(bad.StatusCode))]),
        _ => (StatusCodes.Status500InternalServerError, [OperationOutcomeResponse.Issue("exception", "The service failed to process the request. The failure has been logged; the request was not at fault.")]),
    };

    // Kestrel's own messages can quote request content, so they are replaced by ours.
    private static string BadRequestMessage(int status) => status == StatusCodes.Status413PayloadTooLarge
        ? "The request body exceeds the maximum size the server accepts."
        : "The HTTP request could not be read.";

    private static string IssueType(string code) => code switch
    {
        CdsErrorCodes.MalformedJson or CdsErrorCodes.WrongJsonType or CdsErrorCodes.JsonTooDeep => "structure",
        CdsErrorCodes.MissingRequiredField => "required",
        CdsErrorCodes.FhirAuthorizationWithoutFhirServer => "invariant",
        CdsErrorCodes.UnsupportedHook => "not-supported",
        CdsErrorCodes.BodyTooLarge => "too-long",
        CdsErrorCodes.HookMismatch or CdsErrorCodes.InvalidFhirServer or CdsErrorCodes.InvalidFhirAuthorization => "value",
        _ => "invalid",
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Request rejected with {StatusCode}: {ErrorCode}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string errorCode);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Request failed (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "The caller aborted the request")]
    private static partial void LogAborted(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The error answer could not be written to the connection")]
    private static partial void LogAnswerNotWritten(ILogger logger, Exception exception);
}
