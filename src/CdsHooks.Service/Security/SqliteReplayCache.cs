using CdsHooks.Service.Storage;

namespace CdsHooks.Service.Security;

/// <summary>The JWT replay cache in the SQLite file (one instance).</summary>
internal sealed class SqliteReplayCache(SqliteDatabase database, TimeProvider time) : IReplayCache
{
    public async Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReplayCacheSql.Remember;
        command.Parameters.AddWithValue("@issuer", issuer);
        command.Parameters.AddWithValue("@jti", jti);
        command.Parameters.AddWithValue("@expires", expiresAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReplayCacheSql.Purge;
        command.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
