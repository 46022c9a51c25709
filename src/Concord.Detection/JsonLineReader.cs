// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using Concord.Stix.Json;

namespace Concord.Detection;

/// <summary>
/// Splits a stream of JSON lines into lines without copying them, with memory bounded by the longest line.
/// </summary>
/// <remarks>
/// A line is valid until the next call to <see cref="TryReadLine"/>. Blank lines are skipped; a trailing
/// carriage return is removed. Not thread-safe.
/// </remarks>
public sealed class JsonLineReader : IDisposable
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int start;
    private int end;
    private bool finished;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves the stream open.</param>
    public JsonLineReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The number of bytes consumed so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next non-blank line.</summary>
    /// <param name="line">The line's UTF-8 bytes, without the line end.</param>
    /// <returns>False at the end of the stream.</returns>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0 || (finished && end > start))
            {
                var length = newline >= 0 ? newline : end - start;
                var lineStart = start;
                start += newline >= 0 ? length + 1 : length;
                BytesRead += newline >= 0 ? length + 1 : length;
                LineNumber++;
                var content = buffer.AsMemory(lineStart, length);
                if (content.Length > 0 && content.Span[^1] == (byte)'\r')
                {
                    content = content[..^1];
                }

                if (content.Span.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                line = content;
                return true;
            }

            if (finished)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private void Fill()
    {
        if (StreamBuffer.Refill(stream, ref buffer, ref start, ref end) == 0)
        {
            finished = true;
        }
    }
}
