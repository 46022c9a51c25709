// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Concord.Benchmarks.Support;
using Concord.Storage.Collections;
using Concord.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Concord.Benchmarks.Storage;

/// <summary>
/// Ingest: 10,000 STIX objects through the SQLite store in batches of 1,000 (one durable transaction each, as a
/// TAXII POST), next to the same objects inserted into a bare table with the same durable work per batch (see
/// <see cref="StorageData.BulkInsert"/>: one fsynced transaction per 1,000, id, type, version, date added and JSON).
/// Each iteration starts from empty databases. Target for the whole TAXII path: at least 40% of the bare rate.
/// </summary>
[Config(typeof(ThroughputConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 12)]
public class StorageIngestBenchmarks
{
    private ReadOnlyMemory<byte>[] objects = [];
    private BareRow[] rows = [];
    private string folder = string.Empty;
    private SqliteStore? store;
    private SqliteConnection? bare;
    private Guid collection;

    /// <summary>The input, as a key for the objects/s column.</summary>
    [Params("storage-10000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        objects = StorageData.Objects(seed: 1);
        rows = StorageData.BareRows(objects);
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
    }

    [IterationSetup]
    public void OpenEmpty()
    {
        folder = Path.Combine(Path.GetTempPath(), "concord-bench-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        store = SqliteStore.Open(Path.Combine(folder, "store.db"));
        collection = Guid.NewGuid();
        store.CreateCollectionAsync(new CollectionInfo(collection, "api1", "bench")).GetAwaiter().GetResult();
        bare = StorageData.OpenBare(Path.Combine(folder, "bare.db"));
    }

    [IterationCleanup]
    public void Close()
    {
        store?.Dispose();
        bare?.Dispose();
        StorageData.Delete(folder);
    }

    /// <summary>The baseline: <see cref="StorageData.BulkInsert"/>, one fsynced transaction per 1,000 objects into the bare table.</summary>
    [Benchmark(Baseline = true)]
    public void BareBulkInsert() => StorageData.BulkInsert(bare!, rows);

    /// <summary>The store: ten batches of 1,000, each parsed for its header, versioned, indexed and committed with fsync.</summary>
    [Benchmark]
    public async Task StoreAddInBatchesOf1000()
    {
        for (var i = 0; i < objects.Length; i += StorageData.Batch)
        {
            await store!.AddObjectsAsync(collection, objects.AsMemory(i, StorageData.Batch).ToArray());
        }
    }
}
