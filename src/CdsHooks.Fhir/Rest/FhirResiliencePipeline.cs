using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// The retry-around-timeout pipeline for FHIR GETs: each attempt has its own timeout, and only answers
/// that may change on a later attempt are retried (5xx, 408, network failures, attempt timeouts).
/// </summary>
internal static class FhirResiliencePipeline
{
    /// <summary>Carries what the retry log may say about the request in flight.</summary>
    public static readonly ResiliencePropertyKey<FhirRequestInfo> RequestInfo = new("CdsHooks.Fhir.RequestInfo");

    public static ResiliencePipeline<FhirHttpResponse> Build(FhirClientOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<FhirHttpResponse> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<FhirHttpResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(RequestInfo, out var info))
                    {
                        FhirRestLog.Retrying(logger, info.ResourceType, info.ServerAuthority, Describe(args.Outcome), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        // Added last, so it sits inside the retry: every attempt gets the full timeout.
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>Whether an exception means the attempt ran out of time (ours, not the caller's cancellation).</summary>
    public static bool IsAttemptTimeout(Exception exception, CancellationToken callerToken)
        => exception is TimeoutRejectedException
           || (exception is OperationCanceledException { InnerException: TimeoutException } && !callerToken.IsCancellationRequested);

    private static bool IsTransient(Outcome<FhirHttpResponse> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or IOException } => true,
        { Exception: { } exception } => IsAttemptTimeout(exception, callerToken),
        { Result: { } response } => response.IsTransient,
        _ => false,
    };

    // Exception type names and status codes only: exception messages may echo URLs.
    private static string Describe(Outcome<FhirHttpResponse> outcome) => outcome switch
    {
        { Result: { } response } => $"status {response.StatusCode}",
        { Exception: TimeoutRejectedException } => "attempt timeout",
        { Exception: { } exception } => exception.GetType().Name,
        _ => "unknown",
    };
}
