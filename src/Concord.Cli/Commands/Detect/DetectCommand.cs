// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Detection;
using Concord.Stix.Identifiers;

namespace Concord.Cli.Commands.Detect;

/// <summary><c>concord detect</c>: runs the detection engine over a stream of observations and writes sightings.</summary>
internal static class DetectCommand
{
    /// <summary>The identity used for <c>where_sighted_refs</c> when none is given.</summary>
    public static readonly string DefaultIdentity = "identity--" + DeterministicId.Uuid5(DeterministicId.StixNamespace, "concord node").ToString();

    public static Command Create(CliEnvironment environment)
    {
        var indicators = new Option<string>("--indicators")
        {
            Description = "A file (bundle, JSON array, object, or JSON lines) or a directory of *.json/*.jsonl files with the indicators; a directory is re-read when its files change.",
            Required = true,
        };
        var observations = new Option<string>("--observations")
        {
            Description = "JSON lines: bundles, observed-data with their SCOs, indicators (applied live) or plain events; - reads standard input.",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Write one match per line with its binding instead of a bundle of sightings." };
        var identity = new Option<string?>("--identity") { Description = "The node's identity id for where_sighted_refs." };
        var bucket = new Option<int>("--bucket") { Description = "Sighting time bucket in seconds.", DefaultValueFactory = _ => 3600 };
        var lateness = new Option<int>("--lateness") { Description = "How late in seconds an observation may arrive and still combine with earlier ones.", DefaultValueFactory = _ => 300 };
        var window = new Option<int>("--max-window") { Description = "How long in seconds observations are kept for multi-observation patterns without an overall WITHIN.", DefaultValueFactory = _ => 3600 };
        var progress = new Option<bool>("--progress") { Description = "Report events/s and matches on standard error every few seconds." };
        var collection = new Option<Guid?>("--collection")
        {
            Description = "Also keep the sightings in this local collection of the node (--data), e.g. its default collection; a sighting of a peer's indicator is then sent back to that peer when an agreement allows it.",
        };
        var tlp = new Option<string?>("--tlp") { Description = "Mark the kept sightings with this TLP level (clear, green, amber, amber+strict, red); unmarked sightings never leave the node." };
        var data = Node.NodeOptions.Data();
        var command = new Command("detect", "Run indicators over a stream of observations and write STIX sightings: exit 0 when something matched, 1 when nothing did, 2 on unreadable input.")
        {
            indicators, observations, output, jsonl, identity, bucket, lateness, window, progress, collection, tlp, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = (int s) => TimeSpan.FromSeconds(s);
            if (parse.GetValue(bucket) <= 0 || parse.GetValue(lateness) < 0 || parse.GetValue(window) <= 0)
            {
                environment.Error.WriteLine("concord detect: --bucket and --max-window must be positive and --lateness not negative.");
                return ExitCodes.InputError;
            }

            if (parse.GetValue(collection) is null && parse.GetValue(tlp) is not null)
            {
                environment.Error.WriteLine("concord detect: --tlp marks the sightings kept with --collection; give --collection too.");
                return ExitCodes.InputError;
            }

            if (parse.GetValue(collection) is not null && parse.GetValue(jsonl))
            {
                environment.Error.WriteLine("concord detect: --collection keeps sightings; it does not go with --jsonl.");
                return ExitCodes.InputError;
            }

            var keep = parse.GetValue(collection) is { } target ? await SightingStorage.OpenAsync(parse, data, target, parse.GetValue(tlp), environment, cancellationToken).ConfigureAwait(false) : null;
            if (parse.GetValue(collection) is not null && keep is null)
            {
                return ExitCodes.InputError;
            }

            var settings = new DetectSettings(
                parse.GetValue(indicators)!,
                parse.GetValue(observations)!,
                parse.GetValue(output),
                parse.GetValue(jsonl),
                parse.GetValue(identity) ?? keep?.NodeIdentity ?? DefaultIdentity,
                seconds(parse.GetValue(bucket)),
                new DetectionOptions { Lateness = seconds(parse.GetValue(lateness)), MaxWindow = seconds(parse.GetValue(window)) },
                parse.GetValue(progress));
            if (keep is null)
            {
                return DetectRun.Run(settings, environment);
            }

            var sightings = new List<string>();
            var exit = DetectRun.Run(settings, environment, sightings);
            return await keep.StoreAsync(sightings, environment, cancellationToken).ConfigureAwait(false) ? exit : ExitCodes.InputError;
        });
        return command;
    }
}

/// <summary>The settings of one <c>concord detect</c> run.</summary>
internal sealed record DetectSettings(
    string Indicators,
    string Observations,
    string? Out,
    bool Jsonl,
    string Identity,
    TimeSpan Bucket,
    DetectionOptions Options,
    bool Progress);
