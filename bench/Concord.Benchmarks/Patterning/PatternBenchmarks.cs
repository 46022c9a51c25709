// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Concord.Patterning;

namespace Concord.Benchmarks.Patterning;

/// <summary>
/// Patterns parsed per second and single-pattern evaluations per second on realistic observations
/// (issue 3). Baselines in the same run: parsing the same text as a JSON string with
/// System.Text.Json, and a hand-written check of the same condition on the same observation.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class PatternBenchmarks
{
    private static readonly string[] Patterns =
    [
        "[ipv4-addr:value = '198.51.100.3']",
        "[file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' OR file:name = 'poison.exe']",
        "[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24' AND network-traffic:dst_port = 443] FOLLOWEDBY [domain-name:value LIKE '%.example.com'] WITHIN 600 SECONDS",
        "[url:value MATCHES '^https?://[a-z0-9.-]+/(admin|login)\\\\.php'] REPEATS 2 TIMES",
        "[process:command_line MATCHES 'powershell.*-enc' AND process:pid > 1000]",
    ];

    private readonly List<byte[]> jsonStrings = [.. Patterns.Select(p => JsonSerializer.SerializeToUtf8Bytes(p))];
    private StixPattern equality = null!;
    private StixPattern sequence = null!;
    private JsonDocument observations = null!;

    [GlobalSetup]
    public void Setup()
    {
        equality = StixPattern.Parse(Patterns[0]);
        sequence = StixPattern.Parse(Patterns[2]);
        observations = JsonDocument.Parse("""
            {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf", "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "first_observed": "2024-01-01T10:00:00Z", "last_observed": "2024-01-01T10:00:01Z", "number_observed": 1,
               "object_refs": ["network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"]},
              {"type": "network-traffic", "id": "network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d", "src_ref": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "dst_ref": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "dst_port": 443, "protocols": ["ipv4", "tcp"]},
              {"type": "ipv4-addr", "id": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "value": "198.51.100.3"},
              {"type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "203.0.113.7"},
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--a67d30ff-02ac-498a-92f9-32f845f448cf", "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "first_observed": "2024-01-01T10:01:00Z", "last_observed": "2024-01-01T10:01:00Z", "number_observed": 1,
               "object_refs": ["domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5"]},
              {"type": "domain-name", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5", "value": "c2.example.com"}]}
            """);
    }

    [GlobalCleanup]
    public void Cleanup() => observations.Dispose();

    /// <summary>Baseline for parsing: System.Text.Json reads the same five texts as JSON strings.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 5)]
    [BenchmarkCategory("parse")]
    public int JsonStringParse()
    {
        var total = 0;
        foreach (var bytes in jsonStrings)
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            total += reader.GetString()!.Length;
        }

        return total;
    }

    /// <summary>Parse and validate the five patterns (one operation per pattern).</summary>
    [Benchmark(OperationsPerInvoke = 5)]
    [BenchmarkCategory("parse")]
    public int ParsePatterns()
    {
        var total = 0;
        foreach (var text in Patterns)
        {
            total += StixPattern.Parse(text).Text.Length;
        }

        return total;
    }

    /// <summary>Baseline for evaluation: a hand-written lookup of the same condition in the same bundle.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("evaluate")]
    public bool HandWrittenEquality()
    {
        foreach (var item in observations.RootElement.GetProperty("objects").EnumerateArray())
        {
            if (item.GetProperty("type").ValueEquals("ipv4-addr") && item.GetProperty("value").ValueEquals("198.51.100.3"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One evaluation of a single-observation equality pattern over the bundle.</summary>
    [Benchmark]
    [BenchmarkCategory("evaluate")]
    public bool EvaluateEquality() => equality.Match(observations.RootElement).IsMatch;

    /// <summary>One evaluation of a two-observation FOLLOWEDBY … WITHIN pattern with a dereference, a CIDR and a LIKE.</summary>
    [Benchmark]
    [BenchmarkCategory("evaluate")]
    public bool EvaluateSequence() => sequence.Match(observations.RootElement).IsMatch;
}
