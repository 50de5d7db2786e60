namespace CdsHooks.Service.Audit;

/// <summary>Where audit records are kept: the SQLite file, or the PostgreSQL database every instance shares.</summary>
public interface IAuditStore
{
    /// <summary>Appends records, in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>The records of one <c>hookInstance</c>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> FindByHookInstanceAsync(string hookInstance, CancellationToken cancellationToken);

    /// <summary>The latest records by time of the call, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentAsync(int limit, CancellationToken cancellationToken);
}
