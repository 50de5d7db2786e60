using System.Data.Common;
using System.Text.Json;

namespace CdsHooks.Service.Audit;

/// <summary>The audit trail's columns and the reading of a row, shared by both providers.</summary>
internal static class AuditSql
{
    public const string Columns = "occurred_at, instance, client_issuer, client_tenant, service_id, hook, hook_instance, patient_hash, card_rules, latency_ms, status, data_gaps";

    // jsonb columns come back as text for the shared reader.
    public const string ColumnsAsText = "occurred_at, instance, client_issuer, client_tenant, service_id, hook, hook_instance, patient_hash, card_rules::text, latency_ms, status, data_gaps::text";

    public static string Serialize(IReadOnlyList<string> ids) => JsonSerializer.Serialize(ids.ToArray(), AuditJsonContext.Default.StringArray);

    public static AuditRecord Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readInstant) => new()
    {
        OccurredAt = readInstant(reader, 0),
        Instance = reader.GetString(1),
        ClientIssuer = NullableString(reader, 2),
        ClientTenant = NullableString(reader, 3),
        ServiceId = reader.GetString(4),
        Hook = NullableString(reader, 5),
        HookInstance = NullableString(reader, 6),
        PatientHash = NullableString(reader, 7),
        CardRules = JsonSerializer.Deserialize(reader.GetString(8), AuditJsonContext.Default.StringArray) ?? [],
        LatencyMs = reader.GetDouble(9),
        Status = reader.GetInt32(10),
        DataGaps = JsonSerializer.Deserialize(reader.GetString(11), AuditJsonContext.Default.StringArray) ?? [],
    };

    public static async Task<IReadOnlyList<AuditRecord>> ReadAllAsync(DbCommand command, Func<DbDataReader, int, DateTimeOffset> readInstant, CancellationToken cancellationToken)
    {
        var found = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(Read(reader, readInstant));
        }

        return found;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
