// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Concord.Benchmarks.Support;
using Concord.Sharing.Audit;
using NSec.Cryptography;

namespace Concord.Benchmarks.Audit;

/// <summary>
/// Audit appends: 200 disclosure entries of 1 or 1,000 object references, next to the same bytes appended to a bare
/// FileStream with a flush to disk after each (the baseline). Sequential appends cost one fsync each, like the
/// baseline, so their ratio is the log's own cost (encoding, JCS, SHA-256, the writer hand-off); 64 appends in
/// flight show what group commit gains, bounded by the same bytes written with a single fsync. The objects/s column is
/// entries per second.
/// </summary>
[Config(typeof(ThroughputConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 3, iterationCount: 15)]
public class AuditAppendBenchmarks
{
    private const int Entries = 200;
    private const int InFlight = 64;

    private Key? key;
    private AuditEvent auditEvent = new(AuditEntryKind.Disclosure);
    private byte[] line = [];
    private string folder = string.Empty;
    private AuditLog? log;
    private FileStream? raw;

    /// <summary>Object references per entry, as a key for the objects/s column.</summary>
    [Params("audit-refs-1", "audit-refs-1000")]
    public string Refs { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        key = Key.Create(SignatureAlgorithm.Ed25519);
        var count = int.Parse(Refs["audit-refs-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        auditEvent = new AuditEvent(AuditEntryKind.Disclosure)
        {
            Actor = AuditActor.Token("feed reader"),
            Organization = new AuditOrganization(Guid.NewGuid(), "CERT-B"),
            Channel = AuditChannels.Taxii,
            Objects = [.. Enumerable.Range(0, count).Select(i => new AuditObjectRef($"indicator--{Guid.NewGuid():D}", "2025-06-01T12:00:00.000Z"))],
        };

        // The baseline writes the bytes of a real entry of this size.
        OpenEmpty();
        log!.AppendAsync(auditEvent).GetAwaiter().GetResult();
        log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        line = Encoding.UTF8.GetBytes(File.ReadLines(Path.Combine(folder, AuditLog.LogFileName)).ElementAt(1) + "\n");
        Close();
        ThroughputConfig.Record(Refs, (long)line.Length * Entries, Entries);
    }

    [GlobalCleanup]
    public void Teardown() => key?.Dispose();

    [IterationSetup]
    public void OpenEmpty()
    {
        folder = Path.Combine(Path.GetTempPath(), "concord-bench-audit-" + Guid.NewGuid().ToString("N"));
        log = AuditLog.OpenAsync(new AuditLogOptions { Directory = folder, SigningKey = key!, NodeId = "identity--bench", CheckpointInterval = TimeSpan.Zero })
            .GetAwaiter().GetResult();
        raw = new FileStream(Path.Combine(folder, "raw.jsonl"), FileMode.Append, FileAccess.Write, FileShare.None);
    }

    [IterationCleanup]
    public void Close()
    {
        log?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        raw?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The baseline: the same bytes, one write and one flush to disk per entry.</summary>
    [Benchmark(Baseline = true)]
    public void RawAppendAndFsync()
    {
        for (var i = 0; i < Entries; i++)
        {
            raw!.Write(line);
            raw.Flush(flushToDisk: true);
        }
    }

    /// <summary>The bound for group commit: the same bytes, all written, then one flush to disk.</summary>
    [Benchmark]
    public void RawAppendOneFsync()
    {
        for (var i = 0; i < Entries; i++)
        {
            raw!.Write(line);
        }

        raw!.Flush(flushToDisk: true);
    }

    /// <summary>One append at a time, each awaited until durable: one fsync per entry.</summary>
    [Benchmark]
    public async Task AuditAppendSequential()
    {
        for (var i = 0; i < Entries; i++)
        {
            await log!.AppendAsync(auditEvent);
        }
    }

    /// <summary>64 appends in flight, as from concurrent requests: the writer commits what has queued with one fsync.</summary>
    [Benchmark]
    public async Task AuditAppendConcurrent()
    {
        using var slots = new SemaphoreSlim(InFlight);
        var appends = new Task[Entries];
        for (var i = 0; i < Entries; i++)
        {
            await slots.WaitAsync();
            appends[i] = Task.Run(async () =>
            {
                try
                {
                    await log!.AppendAsync(auditEvent);
                }
                finally
                {
                    slots.Release();
                }
            });
        }

        await Task.WhenAll(appends);
    }
}
