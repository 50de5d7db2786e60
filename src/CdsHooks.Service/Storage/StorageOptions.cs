using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Service.Storage;

/// <summary>Where the service keeps its state (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The default SQLite database, relative to the content root.</summary>
    public const string DefaultSqlitePath = "data/cdshooks.db";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.PostgreSql"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The SQLite database file, absolute or relative to the content root; its folder is created if missing.
    /// <c>Feedback:SqlitePath</c> (its name before this section existed) is read when this is not set.
    /// </summary>
    [Required]
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    /// <summary>The Npgsql connection string, required for PostgreSQL, e.g. <c>Host=db;Database=cdshooks;Username=cdshooks;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply pending schema migrations at startup (default). When false, startup only checks that the schema is
    /// current and stops with an error naming the <c>migrate</c> command if it is not.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How often expired JWT ids are deleted from the replay cache.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplayCleanupInterval { get; set; } = TimeSpan.FromMinutes(5);
}
