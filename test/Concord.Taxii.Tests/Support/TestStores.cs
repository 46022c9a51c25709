// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage;
using Concord.Storage.Postgres;
using Concord.Storage.Sqlite;
using Concord.Testing;
using Npgsql;

namespace Concord.Taxii.Tests.Support;

/// <summary>
/// The store of a test server: SQLite in the test's directory, or with <c>CONCORD_TEST_ENGINE=postgres</c> PostgreSQL in a
/// fresh schema on <c>CONCORD_TEST_POSTGRES</c> (<c>.ci/run</c> runs the server tests once per engine).
/// </summary>
internal static class TestStores
{
    /// <summary>Opens the store; <c>Schema</c> is the PostgreSQL schema to drop afterwards, null on SQLite.</summary>
    public static async Task<(IConcordStore Store, string? Schema)> OpenAsync(string directory)
    {
        if (!TestPostgres.EngineIsPostgres)
        {
            return (SqliteStore.Open(Path.Combine(directory, "concord.db")), null);
        }

        var schema = TestPostgres.NewSchema("taxii");
        return (await PostgresStore.OpenAsync(TestPostgres.InSchema(schema)), schema);
    }

    /// <summary>Drops a schema made by <see cref="OpenAsync"/> or a test; nothing for null.</summary>
    public static async Task DropAsync(string? schema)
    {
        if (schema is null)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
        await drop.ExecuteNonQueryAsync();
    }
}
