// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Npgsql;

namespace Concord.Storage.Postgres.Internal;

/// <summary>
/// The database schema and its migrations. Each migration runs once, in order; all of them run in one transaction
/// that first takes a transaction-level advisory lock on the schema, so several processes starting at once apply
/// each migration exactly once (the others wait, then find nothing to do) and a failed migration leaves nothing behind.
/// </summary>
internal static class Schema
{
    /// <summary>The advisory lock class of migrations; the second key is the hash of the schema name.</summary>
    private const int MigrationLockClass = 0x434F4E43; // "CONC"

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE collections (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id uuid NOT NULL UNIQUE,
            api_root text COLLATE "C" NOT NULL,
            title text NOT NULL,
            description text,
            alias text COLLATE "C",
            media_types text[] NOT NULL,
            owner_org uuid,
            -- The last date added handed out in this collection (microseconds since the epoch); writers lock this row.
            last_date_added bigint NOT NULL DEFAULT 0,
            UNIQUE (api_root, alias)
        );
        CREATE INDEX ix_collections_api_root ON collections (api_root, seq);

        -- raw is the object byte for byte as received (the contract's round trip); body is the same object as jsonb for
        -- queries on content, null only when jsonb cannot hold it (invalid UTF-8, \u0000, an unpaired surrogate escape).
        CREATE TABLE objects (
            collection bigint NOT NULL REFERENCES collections (seq),
            date_added bigint NOT NULL,
            object_id text COLLATE "C" NOT NULL,
            type text COLLATE "C" NOT NULL,
            version_key text COLLATE "C" NOT NULL,
            version text NOT NULL,
            spec_version text COLLATE "C" NOT NULL,
            latest_spec boolean NOT NULL,
            is_first boolean NOT NULL,
            is_last boolean NOT NULL,
            raw bytea NOT NULL,
            body jsonb,
            PRIMARY KEY (collection, date_added)
        );
        -- As on SQLite (its migration 2), no partial indexes on is_last: every query reads the row anyway, and they cost
        -- an index update per insert and per flag change.
        CREATE UNIQUE INDEX ux_objects_version ON objects (collection, object_id, version_key);
        CREATE INDEX ix_objects_type ON objects (collection, type, date_added);

        CREATE TABLE statuses (
            id uuid PRIMARY KEY,
            api_root text NOT NULL,
            status text NOT NULL,
            org uuid,
            collection uuid,
            request_timestamp text,
            total_count integer NOT NULL,
            success_count integer NOT NULL,
            failure_count integer NOT NULL,
            pending_count integer NOT NULL
        );
        CREATE TABLE status_details (
            status_id uuid NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
            kind smallint NOT NULL,
            ord integer NOT NULL,
            object_id text NOT NULL,
            version text NOT NULL,
            message text,
            PRIMARY KEY (status_id, kind, ord)
        );

        -- Instants are UTC ticks (100 ns), as on SQLite, so they round-trip exactly.
        CREATE TABLE organizations (id uuid PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE);
        CREATE TABLE users (
            id uuid PRIMARY KEY,
            org uuid NOT NULL CONSTRAINT fk_users_org REFERENCES organizations (id),
            name text COLLATE "C" NOT NULL UNIQUE,
            password_hash text NOT NULL,
            locked_until bigint,
            failed_attempts integer NOT NULL
        );
        CREATE INDEX ix_users_org ON users (org, name);
        CREATE TABLE api_tokens (
            id uuid PRIMARY KEY,
            org uuid NOT NULL CONSTRAINT fk_api_tokens_org REFERENCES organizations (id),
            user_id uuid CONSTRAINT fk_api_tokens_user REFERENCES users (id),
            name text NOT NULL,
            token_hash text COLLATE "C" NOT NULL UNIQUE,
            created_at bigint NOT NULL,
            expires_at bigint,
            revoked_at bigint
        );
        CREATE INDEX ix_api_tokens_org ON api_tokens (org, created_at, id);
        CREATE TABLE grants (
            collection uuid NOT NULL REFERENCES collections (id),
            org uuid NOT NULL REFERENCES organizations (id),
            can_read boolean NOT NULL,
            can_write boolean NOT NULL,
            PRIMARY KEY (collection, org)
        );
        CREATE INDEX ix_grants_org ON grants (org, collection);
        """,
        """
        -- The sharing model. Every write to it locks the one revision row first, so the writes are serialized (a check and
        -- the change it guards cannot interleave with another writer's) and each bumps the revision in its transaction.
        CREATE TABLE sharing_revision (one boolean PRIMARY KEY DEFAULT true CHECK (one), revision bigint NOT NULL);
        INSERT INTO sharing_revision (revision) VALUES (0);
        CREATE TABLE working_groups (id uuid PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE, description text);
        CREATE TABLE working_group_members (
            group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
            org uuid NOT NULL REFERENCES organizations (id),
            PRIMARY KEY (group_id, org)
        );

        -- The agreement is kept whole as jsonb (body); its parties are repeated in agreement_parties for referential checks.
        CREATE TABLE agreements (id uuid PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE, revoked_at bigint, body jsonb NOT NULL);
        CREATE TABLE agreement_parties (
            agreement uuid NOT NULL REFERENCES agreements (id),
            kind smallint NOT NULL,
            party uuid NOT NULL,
            PRIMARY KEY (agreement, kind, party)
        );
        CREATE INDEX ix_agreement_parties_party ON agreement_parties (party);
        CREATE TABLE collection_groups (
            collection uuid PRIMARY KEY REFERENCES collections (id),
            group_id uuid NOT NULL REFERENCES working_groups (id)
        );
        """,
    ];

    /// <summary>Creates the schema when missing and applies the migrations it lacks.</summary>
    /// <returns>The schema version before the call.</returns>
    /// <exception cref="StorageException">The database has a schema version newer than this engine knows.</exception>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2));", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = MigrationLockClass });
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {quoted}; CREATE TABLE IF NOT EXISTS {quoted}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", cancellationToken).ConfigureAwait(false);
        int current;
        await using (var select = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {quoted}.schema_version;", connection, transaction))
        {
            current = (int)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (current > Migrations.Length)
        {
            throw new StorageException($"The schema '{schema}' has version {current}; this engine knows up to {Migrations.Length}.");
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            var text = $"SET LOCAL search_path TO {quoted};\n{Migrations[version - 1]}\nINSERT INTO schema_version (version) VALUES ({version.ToString(CultureInfo.InvariantCulture)});";
            await ExecuteAsync(connection, transaction, text, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
