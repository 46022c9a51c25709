// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning;

namespace Concord.Cli.Commands.Match;

/// <summary>
/// Writes a verdict with its binding: <c>{"matched", "bindings": [{"observation", "observed_data_ref",
/// "instance", "first_observed", "last_observed", "matched_object"}]}</c>.
/// </summary>
internal static class BindingWriter
{
    public static void Write(PatternMatchResult result, TextWriter output) => output.WriteLine(JsonOutput.ToText(
        writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("matched", result.IsMatch);
            writer.WriteStartArray("bindings");
            foreach (var binding in result.Bindings)
            {
                writer.WriteStartObject();
                writer.WriteString("observation", binding.Expression.ToString());
                if (binding.ObservedDataId is { } id)
                {
                    writer.WriteString("observed_data_ref", id);
                }

                writer.WriteNumber("instance", binding.Instance);
                writer.WriteString("first_observed", binding.FirstObserved.Text);
                writer.WriteString("last_observed", binding.LastObserved.Text);
                writer.WritePropertyName("matched_object");
                binding.MatchedObject.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        },
        JsonOutput.Indented));
}
