// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Patterning;
using Concord.Stix.Json;

namespace Concord.Cli.Commands.Match;

/// <summary>
/// <c>--batch FILE.jsonl</c>: each line <c>{"id", "pattern", "observed": [...], "stix_version"}</c>
/// gives one output line <c>{"id", "matched", "error"}</c>, in input order, even when the line is
/// malformed (then <c>matched</c> is false and <c>error</c> says why). Exit 0 when every line was
/// evaluated, 2 when any line had an error.
/// </summary>
internal static class BatchMatching
{
    public static int Run(string file, CliEnvironment environment) =>
        JsonLines.Run(file, environment, (lineNumber, line) =>
        {
            var (id, matched, error) = Evaluate(file, lineNumber, line);
            environment.Out.WriteLine(Verdict(id, matched, error));
            return error is null ? ExitCodes.Success : ExitCodes.InputError;
        });

    private static (JsonElement? Id, bool Matched, string? Error) Evaluate(string file, int lineNumber, string line)
    {
        JsonDocument document;
        try
        {
            document = StixJson.Parse(line, file);
        }
        catch (StixFormatException e)
        {
            return (null, false, $"line {lineNumber}, column {e.Column}: {e.Reason}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, false, $"line {lineNumber}: expected an object {{\"id\", \"pattern\", \"observed\", \"stix_version\"}}");
            }

            JsonElement? id = root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
            if (!root.TryGetProperty("pattern", out var patternElement) || patternElement.ValueKind != JsonValueKind.String)
            {
                return (id, false, "\"pattern\" must be a string");
            }

            if (!root.TryGetProperty("observed", out var observed) || observed.ValueKind != JsonValueKind.Array)
            {
                return (id, false, "\"observed\" must be a JSON array of observed-data objects or bundles");
            }

            if (root.TryGetProperty("stix_version", out var version) && !(version.ValueEquals("2.1") || version.ValueEquals("2.0")))
            {
                return (id, false, "\"stix_version\" must be \"2.0\" or \"2.1\"");
            }

            var parsed = StixPattern.Analyze(patternElement.GetString()!);
            if (!parsed.IsSuccess)
            {
                return (id, false, parsed.Errors[0].ToString());
            }

            return (id, parsed.GetPatternOrThrow().Match(observed).IsMatch, null);
        }
    }

    private static string Verdict(JsonElement? id, bool matched, string? error) => JsonOutput.ToText(
        writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteBoolean("matched", matched);
            if (error is null)
            {
                writer.WriteNull("error");
            }
            else
            {
                writer.WriteString("error", error);
            }

            writer.WriteEndObject();
        },
        JsonOutput.Compact);
}
