namespace CdsHooks.Service.Audit;

/// <summary>
/// The invocation audit trail: one row per service call, in SQLite or in PostgreSQL shared by every instance. Records
/// are queued and written in batches off the request path (<see cref="BufferedAuditTrail"/>); a read first waits for
/// the records queued before it.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Queues a record for writing; returns once it is queued.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The records of one <c>hookInstance</c>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> FindByHookInstanceAsync(string hookInstance, CancellationToken cancellationToken);

    /// <summary>The latest records by time of the call, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentAsync(int limit, CancellationToken cancellationToken);
}
