// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;

namespace Concord.Storage.Objects;

/// <summary>
/// One page of <see cref="IObjectStore.GetObjectsAsync"/> as the objects' stored JSON only: the UTF-8 values joined by
/// commas, in date-added order, ready to be written as the content of a TAXII envelope's <c>objects</c> list
/// (TAXII 2.1 section 3.7) without materialising one <see cref="StoredObject"/> per row.
/// </summary>
/// <remarks>
/// <para>A page read with <see cref="IObjectStore.GetObjectRowsAsync"/> also keeps, per object, what a reader deciding on each
/// one needs (<see cref="Rows"/>): its date added, the UTF-8 bytes of its id, type and version, and its first/last flags, all
/// in pooled buffers, so a page of 1,000 objects is read without an object per row.</para>
/// <para>Filled by the engine with <see cref="Add"/> or <see cref="AddRow"/>, then read. The bytes live in a pooled buffer: dispose the page once
/// <see cref="Objects"/> has been written, and do not use <see cref="Objects"/> after. Not thread-safe.</para>
/// </remarks>
public sealed class ObjectJsonPage : IDisposable
{
    private const int InitialCapacity = 64 * 1024;

    private byte[] buffer;
    private int length;
    private byte[] keys = [];
    private int keysLength;
    private ObjectJsonRow[] rows = [];

    /// <summary>Creates an empty page.</summary>
    public ObjectJsonPage()
        : this(InitialCapacity)
    {
    }

    /// <summary>Creates an empty page with room for <paramref name="capacity"/> bytes of JSON (it grows past them).</summary>
    /// <param name="capacity">The expected size of <see cref="Objects"/>.</param>
    public ObjectJsonPage(int capacity)
    {
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1024));
    }

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

    /// <summary>The rows of a page filled with <see cref="AddRow"/>, in page order; empty for a page filled with <see cref="Add"/>.</summary>
    public ReadOnlySpan<ObjectJsonRow> Rows => rows.AsSpan(0, rows.Length == 0 ? 0 : Count);

    /// <summary>Appends the next object of the page.</summary>
    /// <param name="dateAdded">Its date added, later than the previous object's.</param>
    /// <param name="json">Its stored JSON, copied.</param>
    public void Add(DateAdded dateAdded, ReadOnlySpan<byte> json) => Append(dateAdded, json);

    /// <summary>Appends the next object of the page with what identifies it (see <see cref="Rows"/>).</summary>
    /// <param name="dateAdded">Its date added, later than the previous object's.</param>
    /// <param name="json">Its stored JSON, copied.</param>
    /// <param name="id">Its <c>id</c> in UTF-8.</param>
    /// <param name="type">Its <c>type</c> in UTF-8.</param>
    /// <param name="version">Its version in UTF-8 (see <see cref="StoredObject.Version"/>).</param>
    /// <param name="isFirst">See <see cref="StoredObject.IsFirst"/>.</param>
    /// <param name="isLast">See <see cref="StoredObject.IsLast"/>.</param>
    public void AddRow(DateAdded dateAdded, ReadOnlySpan<byte> json, ReadOnlySpan<byte> id, ReadOnlySpan<byte> type, ReadOnlySpan<byte> version, bool isFirst, bool isLast)
    {
        var start = Append(dateAdded, json);
        if (Count > rows.Length)
        {
            rows = Grow(rows, Count, Count - 1);
        }

        var keyStart = keysLength;
        keys = Grow(keys, keysLength + id.Length + type.Length + version.Length, keysLength);
        id.CopyTo(keys.AsSpan(keysLength));
        keysLength += id.Length;
        type.CopyTo(keys.AsSpan(keysLength));
        keysLength += type.Length;
        version.CopyTo(keys.AsSpan(keysLength));
        keysLength += version.Length;
        rows[Count - 1] = new ObjectJsonRow(dateAdded, start, json.Length, keyStart, id.Length, type.Length, version.Length, isFirst, isLast);
    }

    /// <summary>The stored JSON of a row of this page.</summary>
    /// <param name="row">A row of <see cref="Rows"/>.</param>
    public ReadOnlyMemory<byte> Json(in ObjectJsonRow row) => buffer.AsMemory(row.JsonStart, row.JsonLength);

    /// <summary>
    /// The stored JSON of the rows from <paramref name="first"/> to <paramref name="last"/> of this page, joined by commas as
    /// in <see cref="Objects"/>: the rows between them are included.
    /// </summary>
    /// <param name="first">A row of <see cref="Rows"/>.</param>
    /// <param name="last">A row of <see cref="Rows"/>, <paramref name="first"/> or after it.</param>
    public ReadOnlyMemory<byte> JsonRange(in ObjectJsonRow first, in ObjectJsonRow last) =>
        buffer.AsMemory(first.JsonStart, last.JsonStart + last.JsonLength - first.JsonStart);

    /// <summary>The UTF-8 <c>id</c> of a row of this page.</summary>
    /// <param name="row">A row of <see cref="Rows"/>.</param>
    public ReadOnlySpan<byte> Id(in ObjectJsonRow row) => keys.AsSpan(row.KeyStart, row.IdLength);

    /// <summary>The UTF-8 <c>type</c> of a row of this page.</summary>
    /// <param name="row">A row of <see cref="Rows"/>.</param>
    public ReadOnlySpan<byte> Type(in ObjectJsonRow row) => keys.AsSpan(row.KeyStart + row.IdLength, row.TypeLength);

    /// <summary>The UTF-8 version of a row of this page.</summary>
    /// <param name="row">A row of <see cref="Rows"/>.</param>
    public ReadOnlySpan<byte> Version(in ObjectJsonRow row) => keys.AsSpan(row.KeyStart + row.IdLength + row.TypeLength, row.VersionLength);

    private static T[] Grow<T>(T[] array, int needed, int used)
    {
        if (needed <= array.Length)
        {
            return array;
        }

        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(array.Length * 2, 256)));
        array.AsSpan(0, used).CopyTo(larger);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        return larger;
    }

    private int Append(DateAdded dateAdded, ReadOnlySpan<byte> json)
    {
        ObjectDisposedException.ThrowIf(length < 0, this);
        buffer = Grow(buffer, length + json.Length + 1, length);
        if (Count > 0)
        {
            buffer[length++] = (byte)',';
        }

        var start = length;
        json.CopyTo(buffer.AsSpan(length));
        length += json.Length;
        DateAddedFirst ??= dateAdded;
        DateAddedLast = dateAdded;
        Count++;
        return start;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (length >= 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = -1;
            if (keys.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(keys);
                keys = [];
            }

            if (rows.Length > 0)
            {
                ArrayPool<ObjectJsonRow>.Shared.Return(rows);
                rows = [];
            }
        }
    }
}

/// <summary>One object of an <see cref="ObjectJsonPage"/> read with its rows; its bytes are read through the page.</summary>
public readonly struct ObjectJsonRow
{
    internal ObjectJsonRow(DateAdded dateAdded, int jsonStart, int jsonLength, int keyStart, int idLength, int typeLength, int versionLength, bool isFirst, bool isLast)
    {
        DateAdded = dateAdded;
        JsonStart = jsonStart;
        JsonLength = jsonLength;
        KeyStart = keyStart;
        IdLength = idLength;
        TypeLength = typeLength;
        VersionLength = versionLength;
        IsFirst = isFirst;
        IsLast = isLast;
    }

    /// <summary>When the version was added to the collection.</summary>
    public DateAdded DateAdded { get; }

    /// <summary>See <see cref="StoredObject.IsFirst"/>.</summary>
    public bool IsFirst { get; }

    /// <summary>See <see cref="StoredObject.IsLast"/>.</summary>
    public bool IsLast { get; }

    internal int JsonStart { get; }

    internal int JsonLength { get; }

    internal int KeyStart { get; }

    internal int IdLength { get; }

    internal int TypeLength { get; }

    internal int VersionLength { get; }
}
