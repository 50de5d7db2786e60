namespace CdsHooks.Service.Storage;

/// <summary>Which database holds the service's state (feedback, the JWT replay cache, the audit trail).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: the embedded default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by several instances.</summary>
    PostgreSql,
}
