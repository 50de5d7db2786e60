namespace CdsHooks.Service.Storage;

/// <summary>The SQLite schema, step by step. Step 1 adopts a feedback table made before migrations existed.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "feedback", """
            CREATE TABLE IF NOT EXISTS feedback (
                id TEXT PRIMARY KEY,
                service_id TEXT NOT NULL,
                card_uuid TEXT NOT NULL,
                outcome TEXT NOT NULL,
                accepted_suggestions TEXT NOT NULL,
                override_reason TEXT NULL,
                override_comment TEXT NULL,
                outcome_timestamp TEXT NOT NULL,
                received_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS feedback_card ON feedback (card_uuid);
            """),
        new(2, "jwt replay cache", """
            CREATE TABLE jti_replay (
                issuer TEXT NOT NULL,
                jti TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                PRIMARY KEY (issuer, jti)
            );
            CREATE INDEX jti_replay_expiry ON jti_replay (expires_at);
            """),
        new(3, "audit trail", """
            CREATE TABLE audit_invocation (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                occurred_at TEXT NOT NULL,
                instance TEXT NOT NULL,
                client_issuer TEXT NULL,
                client_tenant TEXT NULL,
                service_id TEXT NOT NULL,
                hook TEXT NULL,
                hook_instance TEXT NULL,
                patient_hash TEXT NULL,
                card_rules TEXT NOT NULL,
                latency_ms REAL NOT NULL,
                status INTEGER NOT NULL,
                data_gaps TEXT NOT NULL
            );
            CREATE INDEX audit_occurred ON audit_invocation (occurred_at);
            CREATE INDEX audit_hook_instance ON audit_invocation (hook_instance);
            """),
    ];
}
