// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// Reads JSON strings and property names as characters without allocating when they hold no
/// escape sequence and fit the caller's buffer; otherwise falls back to a decoded string. The
/// validator reads most values only to check them, so this keeps it from allocating per value.
/// </summary>
internal static class JsonText
{
    public const int BufferSize = 256;

    public static ReadOnlySpan<char> Value(JsonElement value, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return TryDecode(raw[1..^1], buffer, out var length) ? buffer[..length] : value.GetString().AsSpan();
    }

    public static ReadOnlySpan<char> Name(JsonProperty property, Span<char> buffer) =>
        TryDecode(JsonMarshal.GetRawUtf8PropertyName(property), buffer, out var length) ? buffer[..length] : property.Name.AsSpan();

    /// <summary>Whether two string values have the same raw UTF-8 text.</summary>
    public static bool SameRaw(JsonElement a, JsonElement b) => JsonMarshal.GetRawUtf8Value(a).SequenceEqual(JsonMarshal.GetRawUtf8Value(b));

    private static bool TryDecode(ReadOnlySpan<byte> raw, Span<char> buffer, out int length)
    {
        length = 0;
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\'))
        {
            return false;
        }

        length = Encoding.UTF8.GetChars(raw, buffer);
        return true;
    }
}
