using CdsHooks.Service.Storage;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Security;

/// <summary>Deletes expired JWT ids from the replay cache at <see cref="StorageOptions.ReplayCleanupInterval"/>.</summary>
internal sealed partial class ReplayCacheCleaner(
    IReplayCache cache,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<ReplayCacheCleaner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReplayCleanupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                int purged = await cache.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
                LogPurged(logger, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not end the cleaner; the next tick tries again.
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 1140, Level = LogLevel.Debug, Message = "Replay cache: {Purged} expired token ids deleted")]
    private static partial void LogPurged(ILogger logger, int purged);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Warning, Message = "Replay cache cleanup failed; retrying at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
