// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Concord.Benchmarks.Support;
using Concord.Stix.Json;
using Concord.Stix.Model;
using Concord.Stix.Validation;

namespace Concord.Benchmarks.Stix;

/// <summary>
/// Parse + validate throughput of the MITRE ATT&amp;CK bundles against the baseline of
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> over the same bytes,
/// in the same run. Target (issue 2): at least 35% of the baseline's throughput.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseValidateBenchmarks
{
    private readonly StixValidator validator = new();
    private byte[] bytes = [];

    /// <summary>The bundle under test, read from ../shared/data/attack.</summary>
    [Params("ics-attack-18.1.json", "mobile-attack-17.0.json")]
    public string Bundle { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        bytes = File.ReadAllBytes(SharedData.Attack(Bundle));
        ThroughputConfig.Record(Bundle, bytes.Length, CountObjects(bytes));
    }

    /// <summary>The baseline: System.Text.Json builds its document and nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.CountProperties();
    }

    /// <summary>Concord: parse, build the typed view of every object, validate every object.</summary>
    [Benchmark]
    public int ParseAndValidate()
    {
        using var document = StixJson.Parse(bytes);
        var errors = 0;
        if (document.RootElement.TryGetProperty("objects", out var objects))
        {
            foreach (var item in objects.EnumerateArray())
            {
                _ = StixObject.FromJson(item);
            }
        }

        errors += validator.Validate(document.RootElement).Errors.Count;
        return errors;
    }

    private static int CountObjects(byte[] data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.GetProperty("objects").GetArrayLength();
    }
}
