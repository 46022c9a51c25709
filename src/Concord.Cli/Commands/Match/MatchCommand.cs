// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Text.Json;
using Concord.Patterning;
using Concord.Stix.Json;

namespace Concord.Cli.Commands.Match;

/// <summary><c>concord match</c>: evaluates a STIX pattern over observed data (section 9) with the reference evaluator.</summary>
internal static class MatchCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var pattern = new Argument<string?>("pattern")
        {
            Description = "The STIX pattern, e.g. \"[ipv4-addr:value = '198.51.100.1']\".",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var observed = new Option<string?>("--observed")
        {
            Description = "A bundle, a JSON array of objects, or one observed-data object (2.1 with object_refs, or 2.0 with objects); - reads standard input.",
        };
        var json = new Option<bool>("--json") { Description = "Print the verdict and the binding as JSON." };
        var batch = new Option<string?>("--batch")
        {
            Description = "Evaluate a JSON-lines file whose lines are {\"id\", \"pattern\", \"observed\": [...], \"stix_version\"}; writes {\"id\", \"matched\", \"error\"} per line.",
        };
        var command = new Command("match", "Evaluate a STIX pattern over observed data: exit 0 on match, 1 on no match, 2 on an invalid pattern or unreadable data.")
        {
            pattern, observed, json, batch,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(batch) is { } batchFile)
            {
                return BatchMatching.Run(batchFile, environment);
            }

            var text = parse.GetValue(pattern);
            var observedFile = parse.GetValue(observed);
            if (text is null || observedFile is null)
            {
                environment.Error.WriteLine("concord match: give a PATTERN and --observed FILE, or --batch FILE.jsonl.");
                return ExitCodes.InputError;
            }

            return MatchOne(text, observedFile, parse.GetValue(json), environment);
        });
        return command;
    }

    private static int MatchOne(string text, string observedFile, bool json, CliEnvironment environment)
    {
        var parsed = StixPattern.Analyze(text);
        if (!parsed.IsSuccess)
        {
            foreach (var error in parsed.Errors)
            {
                environment.Error.WriteLine($"pattern: {error}");
            }

            return ExitCodes.InputError;
        }

        JsonDocument document;
        try
        {
            using var stream = environment.Open(observedFile);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            document = StixJson.Parse(memory.ToArray(), observedFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"{observedFile}: cannot read: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (StixFormatException e)
        {
            environment.Error.WriteLine(e.Message);
            return ExitCodes.InputError;
        }

        using (document)
        {
            var result = parsed.GetPatternOrThrow().Match(document.RootElement);
            if (json)
            {
                BindingWriter.Write(result, environment.Out);
            }
            else
            {
                environment.Out.WriteLine(result.IsMatch ? $"match: {result.Bindings.Count} observation{(result.Bindings.Count == 1 ? string.Empty : "s")} bound" : "no match");
                foreach (var binding in result.Bindings)
                {
                    environment.Out.WriteLine($"  {binding.Expression} <- {binding.ObservedDataId ?? "(observed-data without id)"} #{binding.Instance}");
                }
            }

            return result.IsMatch ? ExitCodes.Success : ExitCodes.Negative;
        }
    }
}
