// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Concord.Detection;
using Concord.Testing;

namespace Concord.Benchmarks.Detection;

/// <summary>
/// The detection throughput measurement: one process per indicator count, so that its peak memory is
/// that configuration's. Generates the benchmark workload (equality on ipv4/domain/url/file hashes, IN,
/// CIDR, LIKE, MATCHES, about 5% multi-observation), writes the observation stream to a temporary file of
/// JSON lines (kept for later runs), then times reading and parsing every line with System.Text.Json only
/// (JsonDocument.Parse, as the engine parses each line) and reading and running a freshly loaded engine
/// over the same lines, taking turns every 5,000 lines, and reports the best round of each and each round's
/// ratio (the spread of the process's measurements), with the
/// share of the engine's time its process spent in GC pauses and the bytes it allocated per line; then the
/// literal prefilter's false-positive rate (<see cref="LiteralPrefilterRate"/>).
/// </summary>
/// <remarks>Usage: <c>detection-throughput INDICATORS OBSERVATIONS [ROUNDS]</c>.</remarks>
internal static class DetectionThroughput
{
    private const int TurnLines = 5000;

    // Enough values for the literal prefilter's false-positive rate, measured after the peak working set.
    private const int PrefilterLines = 100_000;

    public static int Run(string[] args)
    {
        var indicatorCount = int.Parse(args[0], CultureInfo.InvariantCulture);
        var observationCount = int.Parse(args[1], CultureInfo.InvariantCulture);
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var workload = new DetectionWorkload(seed: 2024, includeNonIndexable: false, benchmark: true);

        // The stream as a file of JSON lines, read the same way by both measurements (so that the
        // stream's size does not count in the process's memory).
        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"concord-detection-{observationCount}.jsonl"));
        if (!File.Exists(file))
        {
            File.WriteAllLines(file + ".partial", workload.Observations(observationCount, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5)));
            File.Move(file + ".partial", file, overwrite: true);
        }

        var bytesTotal = new FileInfo(file).Length;
        var bestParse = double.MaxValue;
        var bestDetect = double.MaxValue;
        var bestDetectPause = TimeSpan.Zero;
        var detectAllocated = 0L;
        var compile = TimeSpan.MaxValue;
        DetectionEngine? engine = null;
        long? matchesBefore = null;
        var roundRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // A fresh engine per round: one that has seen the stream would count a rerun as late and
            // keep less in its windows. The previous one goes first, so the peak is that of one engine.
            engine = null;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            engine = Load(workload, indicatorCount);
            compile = TimeSpan.FromTicks(Math.Min(compile.Ticks, clock.Elapsed.Ticks));

            // The two measurements take turns every few thousand lines, so that both see the same load
            // from the rest of the machine.
            var found = new List<DetectionMatch>();
            var matches = 0L;
            var parseTicks = 0L;
            var detectTicks = 0L;
            var detectPause = TimeSpan.Zero;
            using (var parseLines = new JsonLineReader(File.OpenRead(file)))
            using (var detectLines = new JsonLineReader(File.OpenRead(file)))
            {
                var more = true;
                while (more)
                {
                    var start = Stopwatch.GetTimestamp();
                    for (var n = 0; n < TurnLines && parseLines.TryReadLine(out var line); n++)
                    {
                        using var document = JsonDocument.Parse(line);
                    }

                    parseTicks += Stopwatch.GetTimestamp() - start;
                    start = Stopwatch.GetTimestamp();
                    var pause = GC.GetTotalPauseDuration();
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    more = false;
                    for (var n = 0; n < TurnLines && detectLines.TryReadLine(out var line); n++)
                    {
                        found.Clear();
                        engine.ProcessLine(line, found);
                        matches += found.Count;
                        more = true;
                    }

                    detectTicks += Stopwatch.GetTimestamp() - start;
                    detectPause += GC.GetTotalPauseDuration() - pause;
                    detectAllocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
                }
            }

            // Each round's ratio, so that the spread between rounds of one process shows next to the best.
            roundRatios.Add(parseTicks / (double)detectTicks);
            bestParse = Math.Min(bestParse, parseTicks / (double)Stopwatch.Frequency);
            if (detectTicks / (double)Stopwatch.Frequency < bestDetect)
            {
                bestDetect = detectTicks / (double)Stopwatch.Frequency;
                bestDetectPause = detectPause;
            }

            if (matchesBefore is { } before && before != matches)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} found {matches} matches, an earlier round {before}: the engine is not deterministic"));
            }

            matchesBefore = matches;
        }

        var parseRate = observationCount / bestParse;
        var detectRate = observationCount / bestDetect;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indicators={indicatorCount} observations={observationCount} bytes/line={bytesTotal / observationCount} compile={compile.TotalSeconds:F1}s parse-only={parseRate:F0}/s detect={detectRate:F0}/s ratio={detectRate / parseRate:P0} round-ratios={string.Join(',', roundRatios.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))} gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} matches={matchesBefore} candidates/obs={engine!.Statistics.Candidates / (double)engine.Statistics.Observations:F3} detect-gc-pause={bestDetectPause.TotalSeconds / bestDetect:P0} detect-alloc/line={detectAllocated / rounds / observationCount}B peak-working-set={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}MiB"));
        Console.WriteLine(LiteralPrefilterRate.Measure(workload, indicatorCount, file, PrefilterLines));
        return 0;
    }

    private static DetectionEngine Load(DetectionWorkload workload, int indicatorCount)
    {
        var engine = new DetectionEngine(new DetectionOptions { Lateness = TimeSpan.FromSeconds(60) });
        foreach (var json in workload.Indicators(indicatorCount))
        {
            using var document = JsonDocument.Parse(json);
            engine.Apply(document.RootElement);
        }

        engine.Prepare();
        return engine;
    }
}
