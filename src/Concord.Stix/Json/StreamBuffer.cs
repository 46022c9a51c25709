// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;

namespace Concord.Stix.Json;

/// <summary>The refill step shared by the streaming readers: keep the unread bytes, grow only when one value fills the buffer.</summary>
internal static class StreamBuffer
{
    /// <summary>Moves <c>buffer[start..end)</c> to the front, doubles a full buffer (pooled), and reads more.</summary>
    /// <returns>The number of bytes read; 0 at the end of the stream.</returns>
    public static int Refill(Stream stream, ref byte[] buffer, ref int start, ref int end)
    {
        var pending = end - start;
        if (pending > 0 && start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, pending);
        }

        start = 0;
        end = pending;
        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        return read;
    }
}
