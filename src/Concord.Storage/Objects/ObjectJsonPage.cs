// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;

namespace Concord.Storage.Objects;

/// <summary>
/// One page of <see cref="IObjectStore.GetObjectsAsync"/> as the objects' stored JSON only: the UTF-8 values joined by
/// commas, in date-added order, ready to be written as the content of a TAXII envelope's <c>objects</c> list
/// (TAXII 2.1 section 3.7) without materialising one <see cref="StoredObject"/> per row.
/// </summary>
/// <remarks>
/// Filled by the engine with <see cref="Add"/>, then read. The bytes live in a pooled buffer: dispose the page once
/// <see cref="Objects"/> has been written, and do not use <see cref="Objects"/> after. Not thread-safe.
/// </remarks>
public sealed class ObjectJsonPage : IDisposable
{
    private const int InitialCapacity = 64 * 1024;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
    private int length;

    /// <summary>The objects' JSON values separated by commas (no brackets); empty when the page is empty.</summary>
    public ReadOnlyMemory<byte> Objects => buffer.AsMemory(0, length);

    /// <summary>How many objects the page holds.</summary>
    public int Count { get; private set; }

    /// <summary>Whether more objects matched after this page (the envelope's <c>more</c>).</summary>
    public bool More { get; set; }

    /// <summary>The date added of the first object, for X-TAXII-Date-Added-First; null when the page is empty.</summary>
    public DateAdded? DateAddedFirst { get; private set; }

    /// <summary>The date added of the last object, for X-TAXII-Date-Added-Last; null when the page is empty.</summary>
    public DateAdded? DateAddedLast { get; private set; }

    /// <summary>The envelope's <c>next</c>: set when <see cref="More"/> is true, positioned after the last object.</summary>
    public PageToken? Next => More && DateAddedLast is { } last ? new PageToken(last) : null;

    /// <summary>Appends the next object of the page.</summary>
    /// <param name="dateAdded">Its date added, later than the previous object's.</param>
    /// <param name="json">Its stored JSON, copied.</param>
    public void Add(DateAdded dateAdded, ReadOnlySpan<byte> json)
    {
        ObjectDisposedException.ThrowIf(length < 0, this);
        var needed = length + json.Length + 1;
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        if (Count > 0)
        {
            buffer[length++] = (byte)',';
        }

        json.CopyTo(buffer.AsSpan(length));
        length += json.Length;
        DateAddedFirst ??= dateAdded;
        DateAddedLast = dateAdded;
        Count++;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (length >= 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = -1;
        }
    }
}
