using System.Text.Json;
using CdsHooks.Protocol.Feedback;
using CdsHooks.Service.Storage;
using Microsoft.Data.Sqlite;

namespace CdsHooks.Service.Feedback;

/// <summary>
/// Feedback in a SQLite file: the default store, with no server to run. Each item is keyed by
/// <see cref="FeedbackKey"/>, and <c>INSERT … ON CONFLICT DO NOTHING</c> makes a resend a no-op. The schema is
/// <see cref="SqliteMigrations"/>.
/// </summary>
internal sealed class SqliteFeedbackStore(SqliteDatabase database, TimeProvider time) : IFeedbackStore
{
    private const string Insert = """
        INSERT INTO feedback (id, service_id, card_uuid, outcome, accepted_suggestions, override_reason, override_comment, outcome_timestamp, received_at)
        VALUES ($id, $service, $card, $outcome, $accepted, $reason, $comment, $timestamp, $received)
        ON CONFLICT (id) DO NOTHING;
        """;

    public async Task<int> StoreAsync(string serviceId, IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        string received = FeedbackText.Timestamp(time.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int stored = 0;
        foreach (var item in items)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert;
            command.Parameters.AddWithValue("$id", FeedbackKey.Of(serviceId, item));
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$card", item.Card);
            command.Parameters.AddWithValue("$outcome", FeedbackText.Outcome(item.Outcome));
            command.Parameters.AddWithValue("$accepted", JsonSerializer.Serialize((item.AcceptedSuggestions ?? []).Select(s => s.Id).ToArray(), FeedbackJsonContext.Default.StringArray));
            command.Parameters.AddWithValue("$reason", (object?)FeedbackText.Reason(item.OverrideReason) ?? DBNull.Value);
            command.Parameters.AddWithValue("$comment", (object?)item.OverrideReason?.UserComment ?? DBNull.Value);
            command.Parameters.AddWithValue("$timestamp", FeedbackText.Timestamp(item.OutcomeTimestamp));
            command.Parameters.AddWithValue("$received", received);
            stored += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<IReadOnlyList<StoredFeedback>> FindByCardAsync(string cardUuid, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, service_id, card_uuid, outcome, accepted_suggestions, override_reason, override_comment, outcome_timestamp, received_at
            FROM feedback WHERE card_uuid = $card ORDER BY outcome_timestamp, id;
            """;
        command.Parameters.AddWithValue("$card", cardUuid);
        var found = new List<StoredFeedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new StoredFeedback(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                JsonSerializer.Deserialize(reader.GetString(4), FeedbackJsonContext.Default.StringArray) ?? [],
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                FeedbackText.ParseTimestamp(reader.GetString(7)),
                FeedbackText.ParseTimestamp(reader.GetString(8))));
        }

        return found;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);
}
