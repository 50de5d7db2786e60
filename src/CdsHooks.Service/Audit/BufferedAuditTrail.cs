using System.Data.Common;
using System.Threading.Channels;

namespace CdsHooks.Service.Audit;

/// <summary>
/// Keeps the audit write off the request path: a call queues its record and is answered at once, while one writer
/// appends queued records in batches, one transaction each. Writing a row per call inside the request made every
/// answer wait for a database commit, and serialised concurrent calls on SQLite's write lock. The queue is bounded: if
/// the store falls far behind, calls wait for room rather than records being dropped. Disposal (host shutdown)
/// writes what is still queued.
/// </summary>
internal sealed partial class BufferedAuditTrail : IAuditTrail, IAsyncDisposable
{
    private const int Capacity = 8192;
    private const int MaxBatch = 256;

    private readonly IAuditStore _store;
    private readonly ILogger<BufferedAuditTrail> _logger;
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Task _writer;
    private int _pending;

    public BufferedAuditTrail(IAuditStore store, ILogger<BufferedAuditTrail> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Interlocked.Increment(ref _pending);
        try
        {
            await _queue.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> FindByHookInstanceAsync(string hookInstance, CancellationToken cancellationToken)
    {
        await DrainedAsync(cancellationToken).ConfigureAwait(false);
        return await _store.FindByHookInstanceAsync(hookInstance, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await DrainedAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RecentAsync(limit, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    // Reads are rare (audit queries, tests); a short poll keeps the write path free of extra signalling.
    private async Task DrainedAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<AuditRecord>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await _store.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                LogWriteFailed(_logger, ex, batch.Count);
            }

            Interlocked.Add(ref _pending, -batch.Count);
            batch.Clear();
        }
    }

    [LoggerMessage(EventId = 1161, Level = LogLevel.Error, Message = "{Count} audit records could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
