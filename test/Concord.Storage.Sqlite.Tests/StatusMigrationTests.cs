// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Sqlite.Internal;
using Concord.Storage.Status;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite.Tests;

/// <summary>Migration 4 moves status details from one row per object into one value per status; nothing may be lost or reordered.</summary>
public sealed class StatusMigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "concord-migration-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Status_details_written_as_rows_by_schema_3_read_back_unchanged_after_migration()
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "v3.db");
        var withDetails = Guid.NewGuid();
        var withoutDetails = Guid.NewGuid();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version (version) VALUES (3);");
            Execute(connection, Schema.Migrations[0]);
            Execute(connection, Schema.Migrations[1]);
            Execute(connection, Schema.Migrations[2]);
            Execute(connection, $"""
                INSERT INTO statuses (id, api_root, status, total_count, success_count, failure_count, pending_count)
                VALUES ('{withDetails:D}', 'api1', 'complete', 4, 2, 1, 1), ('{withoutDetails:D}', 'api1', 'complete', 0, 0, 0, 0);
                -- Inserted out of order: the migration must order by kind, then ord.
                INSERT INTO status_details (status_id, kind, ord, object_id, version, message) VALUES
                    ('{withDetails:D}', 1, 0, 'indicator--b', '2024-01-02T00:00:00.000Z', 'refused: "quoted" \ and ünïcode'),
                    ('{withDetails:D}', 0, 1, 'indicator--a2', '2024-01-01T00:00:00.000Z', NULL),
                    ('{withDetails:D}', 2, 0, 'indicator--c', '', NULL),
                    ('{withDetails:D}', 0, 0, 'indicator--a1', '2024-01-01T00:00:00.000Z', NULL);
                """);
        }

        using var store = SqliteStore.Open(database);
        var status = await store.GetStatusAsync(withDetails);
        var empty = await store.GetStatusAsync(withoutDetails);

        Assert.NotNull(status);
        Assert.Equal(
            [new StatusDetail("indicator--a1", "2024-01-01T00:00:00.000Z"), new StatusDetail("indicator--a2", "2024-01-01T00:00:00.000Z")],
            status.Successes);
        Assert.Equal([new StatusDetail("indicator--b", "2024-01-02T00:00:00.000Z", "refused: \"quoted\" \\ and ünïcode")], status.Failures);
        Assert.Equal([new StatusDetail("indicator--c", string.Empty)], status.Pendings);
        Assert.NotNull(empty);
        Assert.Empty(empty.Successes);
        Assert.Empty(empty.Failures);
        Assert.Empty(empty.Pendings);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
