using Npgsql;

namespace CdsHooks.Service.Security;

/// <summary>The JWT replay cache in PostgreSQL: one cache for every instance, so a replay to another instance is refused.</summary>
internal sealed class PostgresReplayCache(NpgsqlDataSource dataSource, TimeProvider time) : IReplayCache
{
    public async Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReplayCacheSql.Remember);
        command.Parameters.AddWithValue("issuer", issuer);
        command.Parameters.AddWithValue("jti", jti);
        command.Parameters.AddWithValue("expires", expiresAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReplayCacheSql.Purge);
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
