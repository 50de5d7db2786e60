using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace CdsHooks.Service.Audit;

/// <summary>The audit trail in PostgreSQL: every instance appends to the same table.</summary>
internal sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private const string Select = $"SELECT {AuditSql.ColumnsAsText} FROM audit_invocation";

    public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            await using var command = new NpgsqlCommand($"""
                INSERT INTO audit_invocation ({AuditSql.Columns})
                VALUES (@at, @instance, @issuer, @tenant, @service, @hook, @hookInstance, @patient, @rules, @latency, @status, @gaps);
                """, connection, transaction);
            command.Parameters.AddWithValue("at", record.OccurredAt.ToUniversalTime());
            command.Parameters.AddWithValue("instance", record.Instance);
            command.Parameters.AddWithValue("issuer", (object?)record.ClientIssuer ?? DBNull.Value);
            command.Parameters.AddWithValue("tenant", (object?)record.ClientTenant ?? DBNull.Value);
            command.Parameters.AddWithValue("service", record.ServiceId);
            command.Parameters.AddWithValue("hook", (object?)record.Hook ?? DBNull.Value);
            command.Parameters.AddWithValue("hookInstance", (object?)record.HookInstance ?? DBNull.Value);
            command.Parameters.AddWithValue("patient", (object?)record.PatientHash ?? DBNull.Value);
            command.Parameters.AddWithValue("rules", NpgsqlDbType.Jsonb, AuditSql.Serialize(record.CardRules));
            command.Parameters.AddWithValue("latency", record.LatencyMs);
            command.Parameters.AddWithValue("status", record.Status);
            command.Parameters.AddWithValue("gaps", NpgsqlDbType.Jsonb, AuditSql.Serialize(record.DataGaps));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> FindByHookInstanceAsync(string hookInstance, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE hook_instance = @hookInstance ORDER BY id;");
        command.Parameters.AddWithValue("hookInstance", hookInstance);
        return await AuditSql.ReadAllAsync(command, ReadInstant, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} ORDER BY occurred_at DESC, id DESC LIMIT @limit;");
        command.Parameters.AddWithValue("limit", limit);
        return await AuditSql.ReadAllAsync(command, ReadInstant, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
