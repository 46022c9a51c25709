// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Concord.Benchmarks.Storage;
using Concord.Benchmarks.Support;
using Microsoft.Data.Sqlite;

namespace Concord.Benchmarks.Taxii;

/// <summary>
/// Ingest through TAXII: 10,000 STIX objects POSTed in envelopes of 1,000 to the real server over loopback HTTP (each
/// object validated, patterns checked, stored durably with its status resource), next to the same objects inserted
/// into a bare SQLite table in the same run with the same durable work per 1,000 objects (see
/// <see cref="StorageData.BulkInsert"/>). Each iteration starts from empty databases. Target: at least 40% of the bare rate.
/// </summary>
/// <remarks>
/// The setup first runs every case on throwaway databases until its code is fully optimized (<see cref="SteadyState"/>);
/// every iteration starts a new node, whose first-time compilations would otherwise keep the ingest path unoptimized.
/// </remarks>
[Config(typeof(ThroughputConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10)]
public class TaxiiIngestBenchmarks
{
    private const int MinWarmUpRounds = 6;
    private const int MaxWarmUpRounds = 120;

    private ReadOnlyMemory<byte>[] objects = [];
    private BareRow[] rows = [];
    private byte[][] envelopes = [];
    private TaxiiNode? node;
    private string folder = string.Empty;
    private SqliteConnection? bare;

    /// <summary>The input, as a key for the objects/s column.</summary>
    [Params("taxii-10000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        objects = TaxiiData.Objects(seed: 3);
        envelopes = TaxiiNode.Envelopes(objects, StorageData.Batch);
        rows = StorageData.BareRows(objects);
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
        WarmUp();
    }

    /// <summary>Runs each case on fresh databases until its code is steady (<see cref="SteadyState"/>).</summary>
    private void WarmUp() => SteadyState.WarmUp(
        () =>
        {
            Fresh(BareBulkInsert);
            Fresh(() => TaxiiPostInBundlesOf1000RawBytes().GetAwaiter().GetResult());
            Fresh(() => TaxiiPostInBundlesOf1000().GetAwaiter().GetResult());
        },
        MinWarmUpRounds,
        MaxWarmUpRounds);

    private void Fresh(Action run)
    {
        OpenEmpty();
        try
        {
            run();
        }
        finally
        {
            Close();
        }
    }

    [IterationSetup]
    public void OpenEmpty()
    {
        node = TaxiiNode.Start();
        folder = Path.Combine(Path.GetTempPath(), "concord-bench-bare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        bare = StorageData.OpenBare(Path.Combine(folder, "bare.db"));
    }

    [IterationCleanup]
    public void Close()
    {
        node?.Dispose();
        bare?.Dispose();
        StorageData.Delete(folder);
    }

    /// <summary>The baseline: <see cref="StorageData.BulkInsert"/>, one fsynced transaction per 1,000 objects into the bare table.</summary>
    [Benchmark(Baseline = true)]
    public void BareBulkInsert() => StorageData.BulkInsert(bare!, rows);

    /// <summary>
    /// The server's share: the same ten POSTs over the raw HttpClient, with pre-serialized bodies and the status read as
    /// bytes (see <see cref="TaxiiNode.PostRawAsync"/>), so that the client's parsing of 1,000 status details is not counted.
    /// </summary>
    [Benchmark]
    public async Task TaxiiPostInBundlesOf1000RawBytes()
    {
        foreach (var envelope in envelopes)
        {
            await node!.PostRawAsync(envelope);
        }
    }

    /// <summary>Ten POSTs of 1,000 objects each through the TAXII client, which parses each status resource.</summary>
    [Benchmark]
    public async Task<long> TaxiiPostInBundlesOf1000()
    {
        var added = 0L;
        foreach (var envelope in envelopes)
        {
            var status = await node!.Client.AddEnvelopeAsync(node.ApiRoot, node.Collection, envelope);
            if (status.FailureCount > 0)
            {
                throw new InvalidOperationException(status.Failures![0].Message);
            }

            added += status.SuccessCount;
        }

        return added;
    }
}
