namespace CdsHooks.Service.Audit;

/// <summary>The invocation audit trail: one row per service call, in SQLite or in PostgreSQL shared by every instance.</summary>
public interface IAuditTrail
{
    /// <summary>Appends a record.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The records of one <c>hookInstance</c>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> FindByHookInstanceAsync(string hookInstance, CancellationToken cancellationToken);

    /// <summary>The latest records, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentAsync(int limit, CancellationToken cancellationToken);
}
