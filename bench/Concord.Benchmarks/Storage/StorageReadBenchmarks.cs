// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using Concord.Benchmarks.Support;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Concord.Benchmarks.Storage;

/// <summary>
/// Read: page through 10,000 objects with limit 1,000 through the store (default TAXII filters: latest version,
/// latest spec version, <c>next</c> tokens), next to a bare <c>SELECT date_added, json ... WHERE date_added &gt; @last ORDER BY
/// date_added LIMIT 1000</c> over the same bytes (<see cref="StorageData.BareReadAll"/>). Target for the whole TAXII path: at
/// least 60% of the bare rate. The PostgreSQL store pages the same objects in the same run (<see cref="PostgresBench"/>:
/// needs <c>CONCORD_TEST_POSTGRES</c>).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class StorageReadBenchmarks
{
    private string folder = string.Empty;
    private SqliteStore? store;
    private SqliteConnection? bare;
    private SqliteCommand? select;
    private PostgresBench? postgres;
    private Guid collection;

    /// <summary>The input, as a key for the objects/s column.</summary>
    [Params("storage-10000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup(Target = nameof(PostgresStorePageWithLimit1000))]
    public void SetupPostgres()
    {
        var objects = StorageData.Objects(seed: 2);
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
        postgres = PostgresBench.OpenAsync().GetAwaiter().GetResult();
        for (var i = 0; i < objects.Length; i += StorageData.Batch)
        {
            postgres.Store.AddObjectsAsync(postgres.Collection, objects.AsMemory(i, StorageData.Batch).ToArray()).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup(Target = nameof(PostgresStorePageWithLimit1000))]
    public void CleanupPostgres() => postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [GlobalSetup]
    public void Setup()
    {
        var objects = StorageData.Objects(seed: 2);
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
        folder = Path.Combine(Path.GetTempPath(), "concord-bench-read-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        store = SqliteStore.Open(Path.Combine(folder, "store.db"));
        collection = Guid.NewGuid();
        store.CreateCollectionAsync(new CollectionInfo(collection, "api1", "bench")).GetAwaiter().GetResult();
        for (var i = 0; i < objects.Length; i += StorageData.Batch)
        {
            store.AddObjectsAsync(collection, objects.AsMemory(i, StorageData.Batch).ToArray()).GetAwaiter().GetResult();
        }

        bare = StorageData.OpenBare(Path.Combine(folder, "bare.db"));
        StorageData.BulkInsert(bare, StorageData.BareRows(objects));
        select = StorageData.PrepareBareSelect(bare);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        select?.Dispose();
        bare?.Dispose();
        store?.Dispose();
        StorageData.Delete(folder);
    }

    /// <summary>The baseline: <see cref="StorageData.BareReadAll"/>, keyset paging over the date added, reading each object's JSON as bytes.</summary>
    [Benchmark(Baseline = true)]
    public int BareSelectOrderByRowidLimit() => StorageData.BareReadAll(select!);

    /// <summary>The store: GetObjects with limit 1,000, following <c>next</c> until <c>more</c> is false.</summary>
    [Benchmark]
    public Task<int> StorePageWithLimit1000() => PageAllAsync(store!, collection);

    /// <summary>The store: the same pages as stored JSON only (GetObjectsJson, what the TAXII objects endpoint sends when no policy applies).</summary>
    [Benchmark]
    public async Task<int> StoreJsonPageWithLimit1000()
    {
        var read = 0;
        var query = ObjectQuery.Default with { Limit = 1000 };
        while (true)
        {
            using var page = await store!.GetObjectsJsonAsync(collection, query);
            read += page.Count;
            if (!page.More)
            {
                return read;
            }

            query = query with { Next = page.Next };
        }
    }

    /// <summary>The PostgreSQL store: the same paging.</summary>
    [Benchmark]
    public Task<int> PostgresStorePageWithLimit1000() => PageAllAsync(postgres!.Store, postgres.Collection);

    private static async Task<int> PageAllAsync(Concord.Storage.IConcordStore store, Guid collection)
    {
        var read = 0;
        var query = ObjectQuery.Default with { Limit = 1000 };
        while (true)
        {
            var page = await store.GetObjectsAsync(collection, query);
            read += page.Items.Count;
            if (!page.More)
            {
                return read;
            }

            query = query with { Next = page.Next };
        }
    }
}
