// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Concord.Detection;

namespace Concord.Cli.Commands.Detect;

/// <summary>The loop of <c>concord detect</c>: lines in, matches to the output, progress to standard error.</summary>
internal static class DetectRun
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs detection; the sightings written are also added to <paramref name="kept"/> when given.</summary>
    public static int Run(DetectSettings settings, CliEnvironment environment, ICollection<string>? kept = null)
    {
        var engine = new DetectionEngine(settings.Options);
        var source = new IndicatorSource(settings.Indicators, engine, environment.Error);
        if (!source.Refresh())
        {
            return ExitCodes.InputError;
        }

        Stream input;
        try
        {
            input = settings.Observations == "-" ? environment.OpenInput() : File.OpenRead(settings.Observations);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"{settings.Observations}: cannot read: {e.Message}");
            return ExitCodes.InputError;
        }

        TextWriter? file = null;
        try
        {
            if (settings.Out is not null)
            {
                file = new StreamWriter(settings.Out, append: false, new UTF8Encoding(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            input.Dispose();
            environment.Error.WriteLine($"{settings.Out}: cannot write: {e.Message}");
            return ExitCodes.InputError;
        }

        using (input)
        using (file)
        {
            var output = file ?? environment.Out;
            var writer = settings.Jsonl ? (IMatchWriter)new JsonlMatchWriter(output) : new SightingWriter(output, settings.Identity, settings.Bucket, kept);
            var (errors, matches, observations, seconds) = Stream(engine, source, input, settings, writer, environment.Error);
            writer.Finish();
            output.Flush();
            environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"detect: {observations} observations in {seconds:F1} s ({observations / Math.Max(seconds, 1e-9):F0}/s), {engine.IndicatorCount} indicators, {matches} matches{(settings.Jsonl ? string.Empty : $", {writer.Written} sightings")}, {engine.Statistics.Late} late, {errors} bad lines"));
            return errors > 0 || source.Rejected > 0 ? ExitCodes.InputError : matches > 0 ? ExitCodes.Success : ExitCodes.Negative;
        }
    }

    private static (long Errors, long Matches, long Observations, double Seconds) Stream(
        DetectionEngine engine, IndicatorSource source, Stream input, DetectSettings settings, IMatchWriter writer, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var lastRefresh = TimeSpan.Zero;
        long lastCount = 0;
        long errors = 0;
        long matchCount = 0;
        var matches = new List<DetectionMatch>();
        var updates = new List<IndicatorUpdate>();
        using var lines = new JsonLineReader(input, leaveOpen: true);
        while (lines.TryReadLine(out var line))
        {
            matches.Clear();
            updates.Clear();
            try
            {
                engine.ProcessLine(line, matches, updates);
            }
            catch (JsonException e)
            {
                errors++;
                error.WriteLine($"{settings.Observations}:{lines.LineNumber}: not JSON: {e.Message}");
            }
            catch (FormatException e)
            {
                errors++;
                error.WriteLine($"{settings.Observations}:{lines.LineNumber}: {e.Message}");
            }

            foreach (var update in updates.Where(u => u.Kind == IndicatorUpdateKind.Rejected))
            {
                error.WriteLine($"{settings.Observations}:{lines.LineNumber}: {update.IndicatorId ?? "indicator"}: skipped: {update.Reason}");
            }

            foreach (var match in matches)
            {
                writer.Write(match);
            }

            matchCount += matches.Count;
            if ((lines.LineNumber & 1023) == 0)
            {
                writer.Advance(engine.Watermark);
                var elapsed = clock.Elapsed;
                if (source.IsDirectory && elapsed - lastRefresh >= RefreshInterval)
                {
                    lastRefresh = elapsed;
                    source.Refresh();
                }

                if (settings.Progress && elapsed - lastProgress >= ProgressInterval)
                {
                    var count = engine.Statistics.Observations;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"detect: {count} events, {(count - lastCount) / (elapsed - lastProgress).TotalSeconds:F0} events/s, {matchCount} matches, {engine.Statistics.Retained} kept in windows"));
                    lastProgress = elapsed;
                    lastCount = count;
                }
            }
        }

        return (errors, matchCount, engine.Statistics.Observations, clock.Elapsed.TotalSeconds);
    }
}
