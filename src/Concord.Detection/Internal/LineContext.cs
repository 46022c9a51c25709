// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Concord.Detection.Internal;

/// <summary>
/// How references resolve while prefiltering a whole input line: by id among the line's top-level
/// objects (the first with that id), or by key among the embedded objects of a 2.0 observed-data. Every
/// observation of the line resolves a subset of these, so candidates found this way are a superset of
/// those of each observation.
/// </summary>
internal sealed class LineContext
{
    private readonly List<JsonElement> elements = [];
    private JsonElement embedded;
    private bool hasEmbedded;

    public List<JsonElement> Elements => elements;

    public List<ElementShape> Shapes { get; } = [];

    public void Reset()
    {
        elements.Clear();
        Shapes.Clear();
        hasEmbedded = false;
    }

    /// <summary>Resolves references among the embedded objects of a 2.0 observed-data (null: among the line's objects).</summary>
    public void UseEmbedded(JsonElement? objects)
    {
        hasEmbedded = objects is not null;
        embedded = objects ?? default;
    }

    public bool TryResolve(JsonElement reference, out JsonElement target)
    {
        target = default;
        if (reference.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (hasEmbedded)
        {
            return embedded.TryGetProperty(reference.GetString()!, out target) && target.ValueKind == JsonValueKind.Object;
        }

        var raw = RawString(reference);
        var escaped = raw.Contains((byte)'\\');
        var text = escaped ? reference.GetString() : null;
        foreach (var element in elements)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String
                && (escaped ? id.ValueEquals(text) : id.ValueEquals(raw)))
            {
                target = element;
                return true;
            }
        }

        return false;
    }

    /// <summary>The raw UTF-8 of a JSON string value, without its quotes (escapes not decoded).</summary>
    public static ReadOnlySpan<byte> RawString(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw[1..^1];
    }

    /// <summary>Decodes a JSON string into a buffer without allocating when it fits; returns the characters.</summary>
    public static ReadOnlySpan<char> Chars(JsonElement value, Span<char> buffer, out string? allocated)
    {
        allocated = null;
        var raw = RawString(value);
        if (raw.Length <= buffer.Length && !raw.Contains((byte)'\\'))
        {
            return Chars(raw, buffer, out _);
        }

        allocated = value.GetString()!;
        return allocated;
    }

    /// <summary>Decodes the raw UTF-8 of a string without escapes, into the buffer when it fits.</summary>
    public static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> raw, Span<char> buffer, out string? allocated)
    {
        if (raw.Length <= buffer.Length)
        {
            allocated = null;
            return buffer[..Encoding.UTF8.GetChars(raw, buffer)];
        }

        allocated = Encoding.UTF8.GetString(raw);
        return allocated;
    }
}
