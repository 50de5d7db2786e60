using System.Data.Common;
using System.Security.Claims;
using CdsHooks.Service.Security;
using CdsHooks.Service.Telemetry;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Audit;

/// <summary>
/// Runs outside the exception handler, so after every service invocation it sees the final status: it records the
/// invocation metrics and queues one audit row (written off the request path by <see cref="BufferedAuditTrail"/>).
/// </summary>
internal sealed partial class InvocationRecordingMiddleware(
    RequestDelegate next,
    CdsHooksMetrics metrics,
    IAuditTrail audit,
    PatientIdHasher hasher,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<InvocationRecordingMiddleware> logger)
{
    private readonly string _instance = options.Value.InstanceName ?? Environment.MachineName;

    public async Task InvokeAsync(HttpContext context)
    {
        var occurredAt = time.GetUtcNow();
        long started = time.GetTimestamp();
        await next(context).ConfigureAwait(false);
        if (context.Features.Get<InvocationFeature>() is not { } invocation)
        {
            return;
        }

        var elapsed = time.GetElapsedTime(started);
        int status = context.Response.StatusCode;
        metrics.Invocation(invocation.ServiceId, status, elapsed);
        foreach (var (rule, kind) in invocation.Cards)
        {
            metrics.Card(invocation.ServiceId, rule, kind);
        }

        if (!options.Value.Enabled)
        {
            return;
        }

        var record = new AuditRecord
        {
            OccurredAt = occurredAt,
            Instance = _instance,
            ClientIssuer = context.User.FindFirstValue(CdsAuthenticationSchemes.IssuerClaim),
            ClientTenant = context.User.FindFirstValue(CdsAuthenticationSchemes.TenantClaim),
            ServiceId = invocation.ServiceId,
            Hook = invocation.Hook,
            HookInstance = invocation.HookInstance,
            PatientHash = invocation.PatientId is null ? null : hasher.Hash(invocation.PatientId),
            CardRules = invocation.Cards.Select(c => c.Rule).ToList(),
            LatencyMs = elapsed.TotalMilliseconds,
            Status = status,
            DataGaps = invocation.DataGaps,
        };
        try
        {
            // Not the request's token: an EHR that hangs up must not erase the record of what it was told.
            // Queuing returns at once unless the writer has fallen thousands of records behind.
            await audit.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogAuditFailed(logger, ex, invocation.ServiceId, invocation.HookInstance);
        }
    }

    [LoggerMessage(EventId = 1160, Level = LogLevel.Error, Message = "Audit record for {ServiceId} (hookInstance {HookInstance}) could not be written")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string serviceId, string? hookInstance);
}
