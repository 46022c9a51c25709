// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Collections;
using Concord.Storage.Postgres;
using Npgsql;

namespace Concord.Benchmarks.Storage;

/// <summary>
/// The PostgreSQL side of the storage benchmarks: a store in a fresh schema on the server named by
/// <c>CONCORD_TEST_POSTGRES</c> (the variable the tests use; <c>.ci/postgres start DIR</c> prints a connection string).
/// </summary>
internal sealed class PostgresBench : IAsyncDisposable
{
    public const string Variable = "CONCORD_TEST_POSTGRES";

    private readonly string connectionString;
    private readonly string schema;

    private PostgresBench(string connectionString, string schema, PostgresStore store, Guid collection)
    {
        this.connectionString = connectionString;
        this.schema = schema;
        Store = store;
        Collection = collection;
    }

    public PostgresStore Store { get; }

    public Guid Collection { get; }

    /// <summary>Opens a store in a new schema with one empty collection.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: the PostgreSQL benchmarks cannot run.</exception>
    public static async Task<PostgresBench> OpenAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL storage benchmarks cannot run: set it to an Npgsql connection string (`.ci/postgres start DIR` starts a throwaway server and prints one).");
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var store = await PostgresStore.OpenAsync(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString());
        var collection = Guid.NewGuid();
        await store.CreateCollectionAsync(new CollectionInfo(collection, "api1", "bench"));
        return new PostgresBench(connectionString, schema, store, collection);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA \"{schema}\" CASCADE;");
        await drop.ExecuteNonQueryAsync();
    }
}
