// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit.Internal;

/// <summary>One line of the log file: its 1-based number, the offset of its first byte, its bytes without the newline, and whether a newline ended it.</summary>
internal readonly record struct LogLine(long Number, long Offset, ReadOnlyMemory<byte> Bytes, bool Terminated);

/// <summary>Splits a log file into lines as a stream, so memory stays bounded by the longest entry.</summary>
internal static class LogLines
{
    private const int ChunkSize = 1 << 16;

    /// <summary>The lines of <paramref name="stream"/>; the memory of a line is valid until the next one is read.</summary>
    public static IEnumerable<LogLine> Read(Stream stream)
    {
        var buffer = new byte[ChunkSize];
        int start = 0, end = 0;
        long offset = 0, number = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return new LogLine(++number, offset, buffer.AsMemory(start, newline), true);
                offset += newline + 1;
                start += newline + 1;
                continue;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > 0)
                {
                    yield return new LogLine(++number, offset, buffer.AsMemory(0, end), false);
                }

                yield break;
            }

            end += read;
        }
    }
}
