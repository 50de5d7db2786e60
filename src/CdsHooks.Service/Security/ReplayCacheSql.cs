namespace CdsHooks.Service.Security;

/// <summary>The replay cache's statements, valid in SQLite and PostgreSQL alike.</summary>
internal static class ReplayCacheSql
{
    // Inserts a new id, or takes over the row of an expired one; a live duplicate changes no row.
    public const string Remember = """
        INSERT INTO jti_replay (issuer, jti, expires_at) VALUES (@issuer, @jti, @expires)
        ON CONFLICT (issuer, jti) DO UPDATE SET expires_at = excluded.expires_at
        WHERE jti_replay.expires_at <= @now;
        """;

    public const string Purge = "DELETE FROM jti_replay WHERE expires_at <= @now;";
}
