// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Sharing.Audit.Internal;

/// <summary>A line of the log parsed: its JSON (for hashing) and its entry, or why it is not one.</summary>
internal sealed class ParsedLine : IDisposable
{
    private ParsedLine(JsonDocument? document, AuditEntry? entry, string? error)
    {
        Document = document;
        Entry = entry;
        Error = error;
    }

    public JsonDocument? Document { get; }

    public AuditEntry? Entry { get; }

    public string? Error { get; }

    public static ParsedLine Parse(ReadOnlyMemory<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return new ParsedLine(null, null, $"not JSON: {e.Message}");
        }

        var entry = AuditEntryReader.Read(document.RootElement, out var error);
        return new ParsedLine(document, entry, error);
    }

    public void Dispose() => Document?.Dispose();
}
