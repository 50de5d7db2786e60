using Npgsql;

namespace CdsHooks.Service.Storage;

/// <summary>
/// Migrates the PostgreSQL database. A transaction-scoped advisory lock makes instances that start together take
/// turns: the first applies the steps, the others then find nothing pending.
/// </summary>
internal sealed class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider time) : IStoreMigrator
{
    // An arbitrary constant naming "the CDS Hooks schema" among advisory locks.
    private const long LockKey = 0x6364_7368_6f6f_6b73;

    public int TargetVersion => PostgresMigrations.All[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int applied = await MigrationRunner.ApplyPendingAsync(connection, transaction, PostgresMigrations.All, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }

        return await MigrationRunner.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }
}
