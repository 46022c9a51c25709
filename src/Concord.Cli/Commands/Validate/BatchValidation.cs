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
    public static int Run(string file, StixValidator validator, CliEnvironment environment)
    {
        TextReader input;
        try
        {
            input = file == "-" ? new StreamReader(environment.OpenInput()) : new StreamReader(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"{file}: cannot read: {e.Message}");
            return ExitCodes.InputError;
        }

        var exit = ExitCodes.Success;
        using (input)
        using (var stream = new MemoryStream())
        {
            var lineNumber = 0;
            while (input.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var verdict = ValidateLine(file, lineNumber, line, validator, stream, environment);
                exit = Math.Max(exit, verdict);
            }
        }

        environment.Out.Flush();
        return exit;
    }

    private static int ValidateLine(string file, int lineNumber, string line, StixValidator validator, MemoryStream stream, CliEnvironment environment)
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
            stream.SetLength(0);
            using (var writer = new Utf8JsonWriter(stream, JsonOutput.Compact))
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
            }

            environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
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
