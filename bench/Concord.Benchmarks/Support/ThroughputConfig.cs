// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Concord.Benchmarks.Support;

/// <summary>Adds MB/s and objects/s columns computed from each case's input size and mean time.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    private static readonly ConcurrentDictionary<string, (long Bytes, int Objects)> Inputs = new();

    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn("MB/s", (bytes, _, seconds) => bytes / 1e6 / seconds));
        AddColumn(new ThroughputColumn("objects/s", (_, objects, seconds) => objects / seconds));
    }

    /// <summary>Records the size of an input, keyed by the benchmark parameter value.</summary>
    public static void Record(string key, long bytes, int objects)
    {
        Inputs[key] = (bytes, objects);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"concord-bench-{key}.size"), $"{bytes} {objects}");
    }

    private static (long Bytes, int Objects)? Lookup(string key)
    {
        if (Inputs.TryGetValue(key, out var known))
        {
            return known;
        }

        // Benchmarks run in a child process; the host reads what the child recorded.
        var file = Path.Combine(Path.GetTempPath(), $"concord-bench-{key}.size");
        if (!File.Exists(file))
        {
            return null;
        }

        var parts = File.ReadAllText(file).Split(' ');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class ThroughputColumn(string name, Func<long, int, double, double> compute) : IColumn
    {
        public string Id => name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"Throughput in {name}, from the input size and the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var key = benchmarkCase.Parameters.Items.Count > 0 ? benchmarkCase.Parameters.Items[0].Value?.ToString() ?? string.Empty : string.Empty;
            var report = summary[benchmarkCase];
            if (Lookup(key) is not { } input || report?.ResultStatistics is not { } statistics)
            {
                return "-";
            }

            var seconds = statistics.Mean / 1e9;
            return compute(input.Bytes, input.Objects, seconds).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
