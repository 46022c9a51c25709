// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Collections;

namespace Concord.Storage.Postgres.Tests;

/// <summary>Schema migrations: applied once, idempotent, safe when several processes start together, and refusing a newer schema.</summary>
public sealed class MigrationTests : PostgresTestBase
{
    [Fact]
    public async Task Opening_again_applies_nothing_and_keeps_the_data()
    {
        await using (var store = await Schemas.OpenAsync("main", TimeProvider.System))
        {
            await store.CreateCollectionAsync(new CollectionInfo(Guid.NewGuid(), "api1", "kept"));
        }

        await using var reopened = await Schemas.OpenAsync("main", TimeProvider.System);

        Assert.Equal(PostgresStore.SchemaVersion, await CountAsync($"SELECT count(*) FROM \"{Schemas.Name("main")}\".schema_version;"));
        Assert.Equal("kept", Assert.Single(await reopened.ListCollectionsAsync("api1")).Title);
    }

    [Fact]
    public async Task Three_stores_opening_a_new_schema_at_once_migrate_it_exactly_once()
    {
        // Each store has its own connection pool, as separate processes would; the advisory lock makes them take turns.
        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Schemas.OpenAsync("shared", TimeProvider.System))));
        try
        {
            Assert.Equal(PostgresStore.SchemaVersion, await CountAsync($"SELECT count(*) FROM \"{Schemas.Name("shared")}\".schema_version;"));
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = 'objects';", Schemas.Name("shared")));
            var collection = new CollectionInfo(Guid.NewGuid(), "api1", "one");
            await stores[0].CreateCollectionAsync(collection);
            Assert.All(await Task.WhenAll(stores.Select(s => s.GetCollectionAsync(collection.Id))), c => Assert.Equal("one", c?.Title));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_schema_newer_than_the_engine_is_refused_with_its_version()
    {
        await (await Schemas.OpenAsync("newer", TimeProvider.System)).DisposeAsync();
        await PostgresServer.ExecuteAsync($"INSERT INTO \"{Schemas.Name("newer")}\".schema_version (version) VALUES (99);");

        var error = await Assert.ThrowsAsync<StorageException>(() => Schemas.OpenAsync("newer", TimeProvider.System));

        Assert.Equal($"The schema '{Schemas.Name("newer")}' has version 99; this engine knows up to {PostgresStore.SchemaVersion}.", error.Message);
    }

    private static async Task<long> CountAsync(string sql, params object[] values) => (long)(await PostgresServer.ExecuteAsync(sql, values))!;
}
