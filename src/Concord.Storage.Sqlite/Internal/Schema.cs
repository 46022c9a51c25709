// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Sqlite.Internal;

/// <summary>The database schema, created or migrated on open. Each migration runs once, in order, in one transaction with its version row.</summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('last_date_added', 0);

        CREATE TABLE collections (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            api_root TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            alias TEXT,
            media_types TEXT NOT NULL,
            owner_org TEXT,
            UNIQUE (api_root, alias)
        );
        CREATE INDEX ix_collections_api_root ON collections (api_root, seq);

        -- date_added (microseconds since the epoch) is the rowid: unique and strictly increasing, so the
        -- table is appended in date-added order and every page is a range scan of an index whose suffix is it.
        CREATE TABLE objects (
            date_added INTEGER PRIMARY KEY,
            collection INTEGER NOT NULL REFERENCES collections (seq),
            object_id TEXT NOT NULL,
            type TEXT NOT NULL,
            version_key TEXT NOT NULL,
            version TEXT NOT NULL,
            spec_version TEXT NOT NULL,
            latest_spec INTEGER NOT NULL,
            is_first INTEGER NOT NULL,
            is_last INTEGER NOT NULL,
            body BLOB NOT NULL
        );
        CREATE UNIQUE INDEX ux_objects_version ON objects (collection, object_id, version_key);
        CREATE INDEX ix_objects_all ON objects (collection);
        CREATE INDEX ix_objects_last ON objects (collection) WHERE is_last = 1;
        CREATE INDEX ix_objects_type ON objects (collection, type);
        CREATE INDEX ix_objects_type_last ON objects (collection, type) WHERE is_last = 1;

        CREATE TABLE statuses (
            id TEXT PRIMARY KEY,
            api_root TEXT NOT NULL,
            status TEXT NOT NULL,
            org TEXT,
            collection TEXT,
            request_timestamp TEXT,
            total_count INTEGER NOT NULL,
            success_count INTEGER NOT NULL,
            failure_count INTEGER NOT NULL,
            pending_count INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE status_details (
            status_id TEXT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
            kind INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            object_id TEXT NOT NULL,
            version TEXT NOT NULL,
            message TEXT,
            PRIMARY KEY (status_id, kind, ord)
        ) WITHOUT ROWID;

        CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE) WITHOUT ROWID;
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            org TEXT NOT NULL REFERENCES organizations (id),
            name TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            locked_until INTEGER,
            failed_attempts INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_users_org ON users (org, name);
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            org TEXT NOT NULL REFERENCES organizations (id),
            user_id TEXT REFERENCES users (id),
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            revoked_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX ix_api_tokens_org ON api_tokens (org, created_at);
        CREATE TABLE grants (
            collection TEXT NOT NULL REFERENCES collections (id),
            org TEXT NOT NULL REFERENCES organizations (id),
            can_read INTEGER NOT NULL,
            can_write INTEGER NOT NULL,
            PRIMARY KEY (collection, org)
        ) WITHOUT ROWID;
        CREATE INDEX ix_grants_org ON grants (org, collection);
        """,
        """
        -- Every object query reads the table row anyway (for its columns and the version flags), so the partial
        -- indexes on is_last only saved skipping superseded versions, while costing an index update per insert and
        -- per flag change. ix_objects_all and ix_objects_type serve the same queries with a range scan.
        DROP INDEX ix_objects_last;
        DROP INDEX ix_objects_type_last;
        """,
        """
        -- The sharing model (ISharingStore): working groups, memberships, agreements, collections owned by a working group.
        INSERT INTO meta (key, value) VALUES ('sharing_revision', 0);
        CREATE TABLE working_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT) WITHOUT ROWID;
        CREATE TABLE working_group_members (
            group_id TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
            org TEXT NOT NULL REFERENCES organizations (id),
            PRIMARY KEY (group_id, org)
        ) WITHOUT ROWID;

        -- The agreement is kept whole as JSON (body); its parties are repeated in agreement_parties for referential checks.
        CREATE TABLE agreements (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, revoked_at INTEGER, body TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE agreement_parties (
            agreement TEXT NOT NULL REFERENCES agreements (id),
            kind INTEGER NOT NULL,
            party TEXT NOT NULL,
            PRIMARY KEY (agreement, kind, party)
        ) WITHOUT ROWID;
        CREATE INDEX ix_agreement_parties_party ON agreement_parties (party);
        CREATE TABLE collection_groups (
            collection TEXT PRIMARY KEY REFERENCES collections (id),
            group_id TEXT NOT NULL REFERENCES working_groups (id)
        ) WITHOUT ROWID;
        """,
    ];
}
