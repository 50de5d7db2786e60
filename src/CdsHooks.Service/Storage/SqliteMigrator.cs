using Microsoft.Data.Sqlite;

namespace CdsHooks.Service.Storage;

/// <summary>Migrates the SQLite file; <c>BEGIN IMMEDIATE</c> serialises processes that start together.</summary>
internal sealed class SqliteMigrator(SqliteDatabase database, TimeProvider time) : IStoreMigrator
{
    public int TargetVersion => SqliteMigrations.All[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // WAL lets readers run beside the writer; it cannot be switched inside a transaction.
        await MigrationRunner.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock is taken before the version is read.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int applied = await MigrationRunner.ApplyPendingAsync(connection, transaction, SqliteMigrations.All, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        return await MigrationRunner.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }
}
