// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Concord.Stix.Json;

/// <summary>
/// Reads STIX content from a stream one object at a time, so that memory stays bounded by the
/// largest single object whatever the size of the file. Accepts a bundle (its <c>objects</c> are
/// streamed), a JSON array of objects, or a single object.
/// </summary>
/// <remarks>
/// For a bundle, the top-level properties other than <c>objects</c> are collected into
/// <see cref="Header"/>. <c>objects</c> is streamed when <c>"type": "bundle"</c> precedes it (as
/// every producer writes it); otherwise the top-level object is read whole. Not thread-safe.
/// </remarks>
public sealed class StixStreamReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream stream;
    private readonly string source;
    private readonly bool leaveOpen;
    private byte[] buffer;
    private int start;
    private int end;
    private bool finalBlock;
    private JsonReaderState state;
    private Mode mode = Mode.Start;
    private int index;
    private ArrayBufferWriter<byte>? headerBytes;
    private Utf8JsonWriter? headerWriter;
    private bool sawBundleType;
    private JsonDocument? header;
    private long bytesDropped;
    private long newlinesDropped;
    private long lastNewlineDropped = -1;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="source">The name used in error messages (a file name, or <c>-</c>).</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves the stream open.</param>
    public StixStreamReader(Stream stream, string source, bool leaveOpen = false)
    {
        this.stream = stream;
        this.source = source;
        this.leaveOpen = leaveOpen;
        buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        state = new JsonReaderState(new JsonReaderOptions { MaxDepth = StixJson.DocumentOptions.MaxDepth });
    }

    private enum Mode
    {
        Start,
        BundleProperties,
        BundleObjects,
        ArrayItems,
        Trailing,
        Done,
    }

    /// <summary>
    /// The top-level properties of a bundle other than <c>objects</c> (or the whole document when it
    /// is a single object). Available once <see cref="ReadObjects"/> has been enumerated to the end.
    /// </summary>
    public JsonElement? Header => header?.RootElement;

    /// <summary>The size of the read buffer: the largest single value read so far, rounded up; it does not grow with the document.</summary>
    internal int BufferCapacity => buffer.Length;

    /// <summary>Whether the document was a bundle, known once enumeration has finished.</summary>
    public bool IsBundle => sawBundleType;

    /// <summary>Reads the objects one by one.</summary>
    /// <returns>Each object with its JSON path in the document; the caller disposes each document.</returns>
    /// <exception cref="StixFormatException">The input is not well-formed JSON; the message gives line and column.</exception>
    public IEnumerable<(JsonDocument Document, string Path)> ReadObjects()
    {
        while (TryReadNext(out var document, out var path))
        {
            yield return (document, path);
        }
    }

    /// <summary>Reads the next object.</summary>
    /// <param name="document">The object, owned by the caller.</param>
    /// <param name="path">Its JSON path in the document.</param>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="StixFormatException">The input is not well-formed JSON.</exception>
    public bool TryReadNext(out JsonDocument document, out string path)
    {
        try
        {
            return TryReadNextCore(out document, out path);
        }
        catch (JsonException e)
        {
            throw StixJson.Located(e, source);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        headerWriter?.Dispose();
        header?.Dispose();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private bool TryReadNextCore(out JsonDocument document, out string path)
    {
        document = null!;
        path = string.Empty;
        while (mode != Mode.Done)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            var progressed = Step(ref reader, out var found, out document, out path);
            var consumed = buffer.AsSpan(start, (int)reader.BytesConsumed);

            // The parser does not check the UTF-8 inside strings; consumed bytes always end at a token boundary.
            if (!Utf8.IsValid(consumed))
            {
                document?.Dispose();
                throw Located(start + Utf8Text.FirstInvalid(consumed), "the input is not valid UTF-8");
            }

            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (found)
            {
                return true;
            }

            if (!progressed && !Fill())
            {
                // With the final block the parser reports an incomplete document itself; this is a safety net.
                throw new StixFormatException(source, 1, 1, "the input ended before the JSON document was complete");
            }
        }

        return false;
    }

    // Advances the state machine by as much as the buffered bytes allow; returns whether anything was consumed.
    private bool Step(ref Utf8JsonReader reader, out bool found, out JsonDocument document, out string path)
    {
        found = false;
        document = null!;
        path = string.Empty;
        var progressed = false;
        while (true)
        {
            switch (mode)
            {
                case Mode.Start:
                    if (!reader.Read())
                    {
                        return progressed;
                    }

                    progressed = true;
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        mode = Mode.ArrayItems;
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        headerBytes = new ArrayBufferWriter<byte>();
                        headerWriter = new Utf8JsonWriter(headerBytes);
                        headerWriter.WriteStartObject();
                        mode = Mode.BundleProperties;
                    }
                    else
                    {
                        throw Error(ref reader, "expected a STIX bundle, object or array of objects, found a JSON " + Describe(reader.TokenType));
                    }

                    break;
                case Mode.BundleProperties:
                {
                    var checkpoint = reader;
                    if (!reader.Read())
                    {
                        return progressed;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        progressed = true;
                        FinishHeader();
                        mode = Mode.Trailing;
                        break;
                    }

                    if (!Utf8.IsValid(reader.ValueSpan))
                    {
                        throw Located(start + (int)reader.TokenStartIndex, "the input is not valid UTF-8");
                    }

                    var name = reader.GetString()!;
                    if (!reader.Read())
                    {
                        reader = checkpoint;
                        return progressed;
                    }

                    if (name == "objects" && sawBundleType && reader.TokenType == JsonTokenType.StartArray)
                    {
                        progressed = true;
                        mode = Mode.BundleObjects;
                        break;
                    }

                    if (!JsonDocument.TryParseValue(ref reader, out var value))
                    {
                        reader = checkpoint;
                        return progressed;
                    }

                    progressed = true;
                    using (value)
                    {
                        if (name == "type" && value.RootElement.ValueKind == JsonValueKind.String && value.RootElement.ValueEquals("bundle"))
                        {
                            sawBundleType = true;
                        }

                        headerWriter!.WritePropertyName(name);
                        value.RootElement.WriteTo(headerWriter);
                    }

                    break;
                }

                case Mode.BundleObjects:
                case Mode.ArrayItems:
                {
                    var checkpoint = reader;
                    if (!reader.Read())
                    {
                        return progressed;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        progressed = true;
                        mode = mode == Mode.ArrayItems ? Mode.Trailing : Mode.BundleProperties;
                        break;
                    }

                    if (!JsonDocument.TryParseValue(ref reader, out var item))
                    {
                        reader = checkpoint;
                        return progressed;
                    }

                    found = true;
                    document = item;
                    path = mode == Mode.ArrayItems ? $"$[{index}]" : $"$.objects[{index}]";
                    index++;
                    return true;
                }

                case Mode.Trailing:
                    // The reader itself rejects anything but whitespace after the document.
                    if (!reader.Read() && !finalBlock)
                    {
                        return progressed;
                    }

                    mode = Mode.Done;
                    return true;

                default:
                    return progressed;
            }
        }
    }

    private void FinishHeader()
    {
        headerWriter!.WriteEndObject();
        headerWriter.Flush();
        header = JsonDocument.Parse(headerBytes!.WrittenMemory);
    }

    private StixFormatException Error(ref Utf8JsonReader reader, string reason) => Located(start + (int)reader.TokenStartIndex, reason);

    // The line and column of a position in the buffer, counting the bytes already dropped from it.
    private StixFormatException Located(int position, string reason)
    {
        var before = buffer.AsSpan(0, Math.Min(position, end));
        var lastNewline = before.LastIndexOf((byte)'\n');
        var line = newlinesDropped + before.Count((byte)'\n') + 1;
        var column = lastNewline >= 0 ? position - lastNewline : bytesDropped + position - lastNewlineDropped;
        return new StixFormatException(source, line, column, reason);
    }

    // Moves unread bytes to the front, grows the buffer when one value does not fit, and reads more.
    private bool Fill()
    {
        if (finalBlock)
        {
            return false;
        }

        var dropped = buffer.AsSpan(0, start);
        var lastNewline = dropped.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            lastNewlineDropped = bytesDropped + lastNewline;
        }

        newlinesDropped += dropped.Count((byte)'\n');
        bytesDropped += start;
        if (StreamBuffer.Refill(stream, ref buffer, ref start, ref end) == 0)
        {
            finalBlock = true;
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
