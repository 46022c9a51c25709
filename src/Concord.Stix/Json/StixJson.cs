// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Unicode;

namespace Concord.Stix.Json;

/// <summary>Parsing of whole STIX documents held in memory, with located errors.</summary>
/// <remarks>Stateless and thread-safe. For large files use <see cref="StixStreamReader"/>.</remarks>
public static class StixJson
{
    /// <summary>The parser settings: strict RFC 8259 JSON, nesting limited so that hostile input cannot exhaust the stack.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>Parses a document.</summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <returns>The document; the caller disposes it.</returns>
    /// <exception cref="StixFormatException">The bytes are not well-formed JSON.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string source = "(input)")
    {
        // The parser does not check the UTF-8 inside strings; decoding them later would fail far from here.
        if (!Utf8.IsValid(utf8.Span))
        {
            var offset = Utf8Text.FirstInvalid(utf8.Span);
            var before = utf8.Span[..offset];
            var lastNewline = before.LastIndexOf((byte)'\n');
            throw new StixFormatException(source, before.Count((byte)'\n') + 1, offset - lastNewline, "the input is not valid UTF-8");
        }

        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Located(e, source);
        }
    }

    /// <summary>Parses a document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <exception cref="StixFormatException">The text is not well-formed JSON.</exception>
    public static JsonDocument Parse(string json, string source = "(input)")
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Located(e, source);
        }
    }

    internal static StixFormatException Located(JsonException e, string source) =>
        new(source, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, Reason(e), e);

    // System.Text.Json appends its own location ("LineNumber: 0 | BytePositionInLine: 3.") to messages; ours is 1-based and separate.
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = at > 0 ? message[..at] : message;
        if (reason.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nesting deeper than {DocumentOptions.MaxDepth} levels; STIX content is never that deep";
        }

        return reason.TrimEnd('.', ' ');
    }
}
