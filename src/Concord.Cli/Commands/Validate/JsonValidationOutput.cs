// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Json;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>
/// The machine-readable report, written as findings arrive:
/// <c>{"files": [{"file", "errors": [...], "warnings": [...], "objects", "valid"}], "valid"}</c>.
/// </summary>
internal sealed class JsonValidationOutput : IValidationOutput
{
    private readonly TextWriter output;
    private readonly MemoryStream buffer = new();
    private readonly Utf8JsonWriter writer;
    private readonly List<Finding> warnings = [];
    private bool allValid = true;

    public JsonValidationOutput(TextWriter output)
    {
        this.output = output;
        writer = new Utf8JsonWriter(buffer, JsonOutput.Indented);
        writer.WriteStartObject();
        writer.WriteStartArray("files");
    }

    public void BeginFile(string file)
    {
        warnings.Clear();
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteStartArray("errors");
        Flush();
    }

    public void Findings(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity == Severity.Warning)
            {
                warnings.Add(finding);
            }
            else
            {
                WriteFinding(writer, finding);
            }
        }

        Flush();
    }

    public void EndFile(string file, int objects, bool valid)
    {
        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            WriteFinding(writer, warning);
        }

        writer.WriteEndArray();
        writer.WriteNumber("objects", objects);
        writer.WriteBoolean("valid", valid);
        writer.WriteEndObject();
        allValid &= valid;
        Flush();
    }

    public void InputError(string file, StixFormatException error)
    {
        writer.WriteEndArray();
        writer.WriteStartObject("input_error");
        writer.WriteNumber("line", error.Line);
        writer.WriteNumber("column", error.Column);
        writer.WriteString("message", error.Reason);
        writer.WriteEndObject();
        writer.WriteBoolean("valid", false);
        writer.WriteEndObject();
        allValid = false;
        Flush();
    }

    public void Complete()
    {
        writer.WriteEndArray();
        writer.WriteBoolean("valid", allValid);
        writer.WriteEndObject();
        Flush();
        output.WriteLine();
        output.Flush();
    }

    public void Dispose()
    {
        writer.Dispose();
        buffer.Dispose();
    }

    internal static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", finding.Rule.Id);
        writer.WriteString("path", finding.Path);
        if (finding.ObjectId is not null)
        {
            writer.WriteString("object_id", finding.ObjectId);
        }

        writer.WriteString("message", finding.Message);
        writer.WriteEndObject();
    }

    private void Flush()
    {
        writer.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
