// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of bytes over arrays rented from <see cref="ArrayPool{T}.Shared"/>: for buffers that
/// live as long as one response, which would otherwise be garbage (and, past 85 KB, large-object-heap garbage) per request.
/// </summary>
/// <remarks>Dispose it to return the array; <see cref="WrittenSpan"/> is invalid after. Not thread-safe.</remarks>
internal sealed class PooledBufferWriter(int capacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    /// <summary>How many bytes were written.</summary>
    public int WrittenCount { get; private set; }

    /// <summary>The bytes written; it moves when the buffer grows, so take it again after writing.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, WrittenCount);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - WrittenCount);
        WrittenCount += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Reserve(sizeHint));

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Reserve(sizeHint));

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (buffer.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        WrittenCount = 0;
    }

    private int Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(buffer.Length == 0, this);
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
            WrittenSpan.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return WrittenCount;
    }
}
