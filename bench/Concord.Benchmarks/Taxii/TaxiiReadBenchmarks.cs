// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using Concord.Benchmarks.Storage;
using Concord.Benchmarks.Support;
using Concord.Taxii;
using Microsoft.Data.Sqlite;

namespace Concord.Benchmarks.Taxii;

/// <summary>
/// Read through TAXII: page through 10,000 objects with limit 1,000 following <c>next</c>, over loopback HTTP with the
/// TAXII client (the client parses every envelope), next to a bare keyset-paged SELECT over the same bytes. Target:
/// at least 60% of the bare rate.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class TaxiiReadBenchmarks
{
    private TaxiiNode? node;
    private string folder = string.Empty;
    private SqliteConnection? bare;
    private SqliteCommand? select;

    private TaxiiRawPages? raw;

    /// <summary>The input, as a key for the objects/s column.</summary>
    [Params("taxii-10000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var objects = TaxiiData.Objects(seed: 4);
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
        node = TaxiiNode.Start();
        raw = new TaxiiRawPages(node.Http, node.Token);
        foreach (var envelope in TaxiiNode.Envelopes(objects, StorageData.Batch))
        {
            var status = node.Client.AddEnvelopeAsync(node.ApiRoot, node.Collection, envelope).GetAwaiter().GetResult();
            if (status.SuccessCount != StorageData.Batch)
            {
                throw new InvalidOperationException(status.Failures?[0].Message);
            }
        }

        folder = Path.Combine(Path.GetTempPath(), "concord-bench-bare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        bare = StorageData.OpenBare(Path.Combine(folder, "bare.db"));
        StorageData.BulkInsert(bare, StorageData.BareRows(objects));
        select = StorageData.PrepareBareSelect(bare);
        SteadyState.WarmUp(
            () =>
            {
                BareSelectOrderByRowidLimit();
                TaxiiGetObjectsWithLimit1000RawBytes().GetAwaiter().GetResult();
                TaxiiGetObjectsWithLimit1000().GetAwaiter().GetResult();
            },
            minRounds: 120,
            maxRounds: 400);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        select?.Dispose();
        bare?.Dispose();
        node?.Dispose();
        StorageData.Delete(folder);
    }

    /// <summary>The baseline: <see cref="StorageData.BareReadAll"/>, keyset paging over the date added, reading each object's JSON as bytes.</summary>
    [Benchmark(Baseline = true)]
    public int BareSelectOrderByRowidLimit() => StorageData.BareReadAll(select!);

    /// <summary>The server's share: the same GETs over raw HttpClient (<see cref="TaxiiRawPages"/>).</summary>
    [Benchmark]
    public Task<long> TaxiiGetObjectsWithLimit1000RawBytes() => raw!.ReadAllAsync(new Uri(node!.ApiRoot, $"collections/{node.Collection}/objects/?limit=1000").ToString());

    /// <summary>GET objects with limit 1,000 through the TAXII client, following <c>next</c> until <c>more</c> is absent.</summary>
    [Benchmark]
    public async Task<int> TaxiiGetObjectsWithLimit1000()
    {
        var read = 0;
        var query = new TaxiiQuery { Limit = 1000 };
        while (true)
        {
            var page = await node!.Client.GetObjectsAsync(node.ApiRoot, node.Collection, query);
            read += page.Resource.Objects?.Count ?? 0;
            if (page.Resource.More != true)
            {
                return read;
            }

            query = query with { Next = page.Resource.Next };
        }
    }
}
