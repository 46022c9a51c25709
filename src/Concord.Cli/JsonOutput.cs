// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Concord.Cli;

/// <summary>Writer settings for the JSON the commands print: readable quotes and non-ASCII, as terminals and jq expect.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonWriterOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Writes JSON with the given writer settings and returns it as text.</summary>
    public static string ToText(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
