// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;
using Concord.Stix.Identifiers;

namespace Concord.Sharing.Audit;

/// <summary>
/// The object versions of an <see cref="AuditEvent"/> (id and version, no outcome nor paths) kept as their entry's bytes: each
/// version is written once, in its RFC 8785 form, as it is added, so a disclosure of a page of 1,000 versions needs neither a
/// string nor an <see cref="AuditObjectRef"/> per version, and the log copies the bytes into the entry as they are.
/// </summary>
/// <remarks>
/// The bytes are kept in chunks small enough to stay off the large-object heap, so a disclosure per page leaves only short-lived
/// garbage. Reading an item decodes it into a new <see cref="AuditObjectRef"/>. Not thread-safe while it is being filled.
/// </remarks>
public sealed class AuditObjectRefList : IReadOnlyList<AuditObjectRef>
{
    private const int ChunkSize = 16 * 1024;

    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create([.. Enumerable.Range(0x20, 0x7f - 0x20).Select(c => (byte)c).Where(c => c is not ((byte)'"' or (byte)'\\'))]);

    private readonly List<byte[]> chunks = [];
    private readonly List<(int Chunk, int Start, int Length)> items = new(256);
    private int length;

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public AuditObjectRef this[int index]
    {
        get
        {
            var (chunk, start, count) = items[index];
            var reader = new Utf8JsonReader(chunks[chunk].AsSpan(start, count));
            string? id = null;
            string? version = null;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId)
                {
                    id = reader.GetString();
                }
                else
                {
                    version = reader.GetString();
                }
            }

            return new AuditObjectRef(id!, version);
        }
    }

    /// <summary>Adds a version from the UTF-8 bytes of its id and version, as stored.</summary>
    /// <param name="id">The STIX id.</param>
    /// <param name="version">The version (see <see cref="AuditObjectRef.Version"/>).</param>
    public void Add(ReadOnlySpan<byte> id, ReadOnlySpan<byte> version)
    {
        if (!Plain(id) || !Plain(version))
        {
            Add(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(version));
            return;
        }

        var size = id.Length + version.Length + 22;
        var start = Begin(size);
        var target = chunks[^1].AsSpan(start, size);
        "{\"id\":\""u8.CopyTo(target);
        id.CopyTo(target[7..]);
        var at = 7 + id.Length;
        "\",\"version\":\""u8.CopyTo(target[at..]);
        version.CopyTo(target[(at + 13)..]);
        "\"}"u8.CopyTo(target[(at + 13 + version.Length)..]);
        length += size;
        End(start);
    }

    /// <summary>Adds a version.</summary>
    /// <param name="id">The STIX id.</param>
    /// <param name="version">The version (see <see cref="AuditObjectRef.Version"/>).</param>
    public void Add(string id, string version)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        var text = new StringBuilder("{\"id\":");
        JsonCanonicalizer.WriteString(id, text);
        text.Append(",\"version\":");
        JsonCanonicalizer.WriteString(version, text);
        var bytes = Encoding.UTF8.GetBytes(text.Append('}').ToString());
        var start = Begin(bytes.Length);
        Write(bytes);
        End(start);
    }

    /// <inheritdoc />
    public IEnumerator<AuditObjectRef> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the items' canonical JSON, joined by commas (without the brackets).</summary>
    internal void WriteCanonical(IBufferWriter<byte> output)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var (chunk, start, count) = items[i];
            if (i > 0)
            {
                output.Write(","u8);
            }

            output.Write(chunks[chunk].AsSpan(start, count));
        }
    }

    // RFC 8785 section 3.2.2.2 writes a string as it is unless it holds '"', '\' or a control character. Stored ids and
    // versions are printable ASCII, checked in one pass; anything else (valid non-ASCII UTF-8 included) takes the general path.
    private static bool Plain(ReadOnlySpan<byte> text) => !text.ContainsAnyExcept(PlainAscii);

    /// <summary>Makes room for an item of <paramref name="size"/> bytes and returns where it starts in the last chunk.</summary>
    private int Begin(int size)
    {
        if (chunks.Count == 0 || length + size > chunks[^1].Length)
        {
            chunks.Add(new byte[Math.Max(size, ChunkSize)]);
            length = 0;
        }

        return length;
    }

    private void End(int start) => items.Add((chunks.Count - 1, start, length - start));

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(chunks[^1].AsSpan(length));
        length += bytes.Length;
    }
}
