// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;

namespace Concord.Benchmarks.Support;

/// <summary>
/// Warms a benchmark's code up until tiered compilation has finished with it. A node's request paths run hundreds of
/// methods, which the JIT promotes to optimized code only once their calls stop being interleaved with first-time
/// compilations; a bare SQLite baseline is a few methods and is optimized almost at once. With BenchmarkDotNet's few
/// warm-up iterations alone, the server's figures would measure partly unoptimized code that a long-running node does
/// not run (measured: 2 to 4 times the steady CPU per round for the first tens of rounds).
/// </summary>
public static class SteadyState
{
    /// <summary>
    /// Runs <paramref name="round"/> until two rounds in a row are no more than 10% faster in process CPU time than the
    /// best round before them, with at least <paramref name="minRounds"/> and at most <paramref name="maxRounds"/> rounds:
    /// the JIT's tier-up, not a fixed count, decides when the code is steady.
    /// </summary>
    public static void WarmUp(Action round, int minRounds, int maxRounds)
    {
        ArgumentNullException.ThrowIfNull(round);
        using var process = Process.GetCurrentProcess();
        TimeSpan? best = null;
        var steady = 0;
        for (var n = 0; n < maxRounds && (n < minRounds || steady < 2); n++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            round();
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            steady = best is { } fastest && spent.Ticks * 10 >= fastest.Ticks * 9 ? steady + 1 : 0;
            best = best is { } previous && previous < spent ? previous : spent;
        }
    }
}
