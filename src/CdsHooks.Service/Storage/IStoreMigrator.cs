namespace CdsHooks.Service.Storage;

/// <summary>Creates and upgrades the database schema (feedback, JWT replay cache, audit trail).</summary>
public interface IStoreMigrator
{
    /// <summary>The schema version this build needs.</summary>
    int TargetVersion { get; }

    /// <summary>Applies every pending migration, serialised against other instances doing the same.</summary>
    /// <returns>How many migrations were applied.</returns>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The schema version the database is at (0 when empty); connects, so it doubles as a reachability check.</summary>
    Task<int> CurrentVersionAsync(CancellationToken cancellationToken);
}
