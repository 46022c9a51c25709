// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Json;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>
/// <c>--batch FILE.jsonl</c>: each input line is <c>{"id": "...", "object": {...}}</c>; each output
/// line is <c>{"id", "valid", "errors": [...], "warnings": [...]}</c>. A line that cannot be
/// parsed is reported on standard error with its line and column, and the exit code is 2.
/// </summary>
internal static class BatchValidation
{
    public static int Run(string file, StixValidator validator, CliEnvironment environment) =>
        JsonLines.Run(file, environment, (lineNumber, line) => ValidateLine(file, lineNumber, line, validator, environment));

    private static int ValidateLine(string file, int lineNumber, string line, StixValidator validator, CliEnvironment environment)
    {
        JsonDocument document;
        try
        {
            document = StixJson.Parse(line, file);
        }
        catch (StixFormatException e)
        {
            environment.Error.WriteLine($"{file}:{lineNumber}:{e.Column}: {e.Reason}");
            return ExitCodes.InputError;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("object", out var stixObject))
            {
                environment.Error.WriteLine($"{file}:{lineNumber}:1: expected a line {{\"id\": \"...\", \"object\": {{...}}}}");
                return ExitCodes.InputError;
            }

            var report = validator.Validate(stixObject);
            environment.Out.WriteLine(JsonOutput.ToText(
                writer =>
                {
                    writer.WriteStartObject();
                    if (root.TryGetProperty("id", out var id))
                    {
                        writer.WritePropertyName("id");
                        id.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNull("id");
                    }

                    writer.WriteBoolean("valid", report.IsValid);
                    WriteFindings(writer, "errors", report.Errors);
                    WriteFindings(writer, "warnings", report.Warnings);
                    writer.WriteEndObject();
                },
                JsonOutput.Compact));
            return report.IsValid ? ExitCodes.Success : ExitCodes.Negative;
        }
    }

    private static void WriteFindings(Utf8JsonWriter writer, string name, IReadOnlyList<Finding> findings)
    {
        writer.WriteStartArray(name);
        foreach (var finding in findings)
        {
            JsonValidationOutput.WriteFinding(writer, finding);
        }

        writer.WriteEndArray();
    }
}
