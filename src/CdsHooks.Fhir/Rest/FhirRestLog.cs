using Microsoft.Extensions.Logging;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// The REST client's log events (EventIds 3001-3099). Every field is safe by construction: resource type,
/// server authority, status and error codes, counts and durations; never a query string, token or body.
/// </summary>
internal static partial class FhirRestLog
{
    [LoggerMessage(EventId = 3001, EventName = "FhirRequestCompleted", Level = LogLevel.Debug,
        Message = "FHIR GET {ResourceType} on {ServerAuthority} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})")]
    public static partial void RequestCompleted(ILogger logger, string resourceType, string serverAuthority, int statusCode, long elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 3002, EventName = "FhirRequestRetrying", Level = LogLevel.Warning,
        Message = "FHIR GET {ResourceType} on {ServerAuthority} failed ({FailureReason}); retry {RetryNumber} in {DelayMilliseconds} ms")]
    public static partial void Retrying(ILogger logger, string resourceType, string serverAuthority, string failureReason, int retryNumber, long delayMilliseconds);

    [LoggerMessage(EventId = 3003, EventName = "FhirPagingStopped", Level = LogLevel.Warning,
        Message = "FHIR search for {ResourceType} on {ServerAuthority} stopped after {PagesRead} page(s): {StopReason}")]
    public static partial void PagingStopped(ILogger logger, string resourceType, string serverAuthority, int pagesRead, FhirPagingStop stopReason);

    [LoggerMessage(EventId = 3004, EventName = "FhirRequestFailed", Level = LogLevel.Warning,
        Message = "FHIR GET {ResourceType} on {ServerAuthority} failed with {ErrorCode} (status {StatusCode})")]
    public static partial void RequestFailed(ILogger logger, string resourceType, string serverAuthority, string errorCode, int? statusCode);

    [LoggerMessage(EventId = 3005, EventName = "FhirEntriesUnreadable", Level = LogLevel.Warning,
        Message = "{ErrorCount} entries of a FHIR {ResourceType} search page from {ServerAuthority} could not be read")]
    public static partial void EntriesUnreadable(ILogger logger, int errorCount, string resourceType, string serverAuthority);

    [LoggerMessage(EventId = 3006, EventName = "FhirForeignNextLink", Level = LogLevel.Warning,
        Message = "A FHIR {ResourceType} search on {ServerAuthority} offered a next link outside the base URL (to {ForeignAuthority}); not followed")]
    public static partial void ForeignNextLink(ILogger logger, string resourceType, string serverAuthority, string foreignAuthority);

    [LoggerMessage(EventId = 3007, EventName = "FhirSearchCompleted", Level = LogLevel.Debug,
        Message = "FHIR search for {ResourceType} on {ServerAuthority} read {ResourceCount} resource(s) in {PagesRead} page(s)")]
    public static partial void SearchCompleted(ILogger logger, string resourceType, string serverAuthority, int resourceCount, int pagesRead);
}
