// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Runtime;

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
    /// Runs <paramref name="round"/> until three rounds in a row spend at most 2% of their process CPU time compiling
    /// (<see cref="JitInfo.GetCompilationTime"/>, every thread), with at least <paramref name="minRounds"/> and at most
    /// <paramref name="maxRounds"/> rounds: the JIT's own account of its work, not a fixed count, decides when the code
    /// is steady.
    /// </summary>
    /// <remarks>
    /// Compilation time rather than the round's CPU time, because on a shared machine a round's CPU time varies by more
    /// than the tier-up saves, which stopped the ingest warm-up while every round still spent tens of milliseconds in the
    /// JIT (measured: 3 to 330 ms of compilation in the rounds after it stopped, until about 30 rounds later). The 2% is
    /// what each round's new nodes compile for themselves (routing tables and service resolvers emitted per host), which
    /// never stops.
    /// </remarks>
    public static void WarmUp(Action round, int minRounds, int maxRounds)
    {
        ArgumentNullException.ThrowIfNull(round);
        using var process = Process.GetCurrentProcess();
        var steady = 0;
        for (var n = 0; n < maxRounds && (n < minRounds || steady < 3); n++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var compiling = JitInfo.GetCompilationTime();
            round();
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            var compiled = JitInfo.GetCompilationTime() - compiling;
            steady = compiled.Ticks * 50 <= spent.Ticks ? steady + 1 : 0;
        }
    }
}
