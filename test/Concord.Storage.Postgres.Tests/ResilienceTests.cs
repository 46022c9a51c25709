// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Testing;
using Npgsql;

namespace Concord.Storage.Postgres.Tests;

/// <summary>Transient failures are retried; permanent ones are reported at once with PostgreSQL's reason.</summary>
public sealed class ResilienceTests : PostgresTestBase
{
    [Fact]
    public async Task Writes_and_reads_succeed_after_the_server_terminates_every_connection_of_the_store()
    {
        var application = "concord-resilience-" + Guid.NewGuid().ToString("N")[..8];
        await using var store = await Schemas.OpenAsync("main", TimeProvider.System, application);
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "c");
        await store.CreateCollectionAsync(collection);
        await store.AddObjectsAsync(collection.Id, [StoreObjects.Indicator(1)]);

        // The pooled connections are now dead; the next use of each fails with a transient error and is retried on a new one.
        var terminated = await PostgresServer.ExecuteAsync("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1;", application);
        var added = await store.AddObjectsAsync(collection.Id, [StoreObjects.Indicator(2)]);
        await PostgresServer.ExecuteAsync("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1;", application);
        var page = await store.GetManifestAsync(collection.Id, ObjectQuery.Default);

        Assert.True((long)terminated! >= 1);
        Assert.Equal(AddOutcome.Added, Assert.Single(added).Outcome);
        Assert.Equal([StoreObjects.IndicatorId(1), StoreObjects.IndicatorId(2)], page.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_missing_database_is_a_permanent_error_naming_it()
    {
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = "concord_no_such_database" }.ToString();

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresStore.OpenAsync(connection));

        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, error.SqlState);
        Assert.Contains("concord_no_such_database", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_the_configured_attempts()
    {
        // A port nobody listens on: connection refused, which is transient, so every attempt is made.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Host = "127.0.0.1", Port = port, Timeout = 2 }.ToString();

        var error = await Assert.ThrowsAsync<NpgsqlException>(() => PostgresStore.OpenAsync(new PostgresStoreOptions(connection) { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10) }));

        Assert.True(error.IsTransient);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
