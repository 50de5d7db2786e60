namespace CdsHooks.Service.Storage;

/// <summary>The PostgreSQL schema, step by step (same tables as SQLite, with native types).</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "feedback", """
            CREATE TABLE feedback (
                id text PRIMARY KEY,
                service_id text NOT NULL,
                card_uuid text NOT NULL,
                outcome text NOT NULL,
                accepted_suggestions jsonb NOT NULL,
                override_reason text NULL,
                override_comment text NULL,
                outcome_timestamp timestamptz NOT NULL,
                received_at timestamptz NOT NULL
            );
            CREATE INDEX feedback_card ON feedback (card_uuid);
            """),
        new(2, "jwt replay cache", """
            CREATE TABLE jti_replay (
                issuer text NOT NULL,
                jti text NOT NULL,
                expires_at bigint NOT NULL,
                PRIMARY KEY (issuer, jti)
            );
            CREATE INDEX jti_replay_expiry ON jti_replay (expires_at);
            """),
        new(3, "audit trail", """
            CREATE TABLE audit_invocation (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                occurred_at timestamptz NOT NULL,
                instance text NOT NULL,
                client_issuer text NULL,
                client_tenant text NULL,
                service_id text NOT NULL,
                hook text NULL,
                hook_instance text NULL,
                patient_hash text NULL,
                card_rules jsonb NOT NULL,
                latency_ms double precision NOT NULL,
                status integer NOT NULL,
                data_gaps jsonb NOT NULL
            );
            CREATE INDEX audit_occurred ON audit_invocation (occurred_at);
            CREATE INDEX audit_hook_instance ON audit_invocation (hook_instance);
            """),
    ];
}
