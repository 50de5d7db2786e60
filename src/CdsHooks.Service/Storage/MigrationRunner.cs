using System.Data.Common;

namespace CdsHooks.Service.Storage;

/// <summary>The bookkeeping both providers share: a <c>schema_migrations</c> table, and pending steps applied in one transaction.</summary>
internal static class MigrationRunner
{
    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the migrations above the current version inside <paramref name="transaction"/>; the caller commits.</summary>
    public static async Task<int> ApplyPendingAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Migration> migrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, CreateVersionTable, cancellationToken).ConfigureAwait(false);
        int current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        int applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at);";
            AddParameter(record, "@version", migration.Version);
            AddParameter(record, "@name", migration.Name);
            AddParameter(record, "@at", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied++;
        }

        return applied;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
