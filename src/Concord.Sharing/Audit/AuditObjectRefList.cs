// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Concord.Stix.Identifiers;

namespace Concord.Sharing.Audit;

/// <summary>
/// The object versions of an <see cref="AuditEvent"/> (id and version, no outcome nor paths) kept as their entry's bytes: each
/// version is written once, in its RFC 8785 form, as it is added, so a disclosure of a page of 1,000 versions needs neither a
/// string nor an <see cref="AuditObjectRef"/> per version, and the log copies the bytes into the entry as they are.
/// </summary>
/// <remarks>Reading an item decodes it into a new <see cref="AuditObjectRef"/>. Not thread-safe while it is being filled.</remarks>
public sealed class AuditObjectRefList : IReadOnlyList<AuditObjectRef>
{
    private readonly List<(int Start, int Length)> items;
    private byte[] canonical;
    private int length;

    /// <summary>Creates an empty list.</summary>
    /// <param name="capacity">How many versions to make room for.</param>
    public AuditObjectRefList(int capacity = 16)
    {
        items = new List<(int, int)>(capacity);
        canonical = new byte[Math.Max(capacity, 1) * 96];
    }

    /// <inheritdoc />
    public int Count => items.Count;

    /// <summary>The canonical JSON of the items, joined by commas (without the brackets).</summary>
    internal ReadOnlySpan<byte> Canonical => canonical.AsSpan(0, length);

    /// <inheritdoc />
    public AuditObjectRef this[int index]
    {
        get
        {
            var (start, count) = items[index];
            var reader = new Utf8JsonReader(canonical.AsSpan(start, count));
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

        var start = Begin(id.Length + version.Length + 24);
        Write("\"id\":\""u8);
        Write(id);
        Write("\",\"version\":\""u8);
        Write(version);
        Write("\"}"u8);
        items.Add((start, length - start));
    }

    /// <summary>Adds a version.</summary>
    /// <param name="id">The STIX id.</param>
    /// <param name="version">The version (see <see cref="AuditObjectRef.Version"/>).</param>
    public void Add(string id, string version)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        var text = new StringBuilder("\"id\":");
        JsonCanonicalizer.WriteString(id, text);
        text.Append(",\"version\":");
        JsonCanonicalizer.WriteString(version, text);
        var bytes = Encoding.UTF8.GetBytes(text.Append('}').ToString());
        var start = Begin(bytes.Length);
        Write(bytes);
        items.Add((start, length - start));
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

    // RFC 8785 section 3.2.2.2 writes a string as it is unless it holds '"', '\' or a control character; valid UTF-8 is its
    // own UTF-8 encoding.
    private static bool Plain(ReadOnlySpan<byte> text) =>
        !text.ContainsAny("\"\\"u8) && !text.ContainsAnyInRange((byte)0, (byte)0x1f) && Utf8.IsValid(text);

    /// <summary>Makes room, writes the separator and the opening brace, and returns where the item starts.</summary>
    private int Begin(int size)
    {
        if (length + size + 2 > canonical.Length)
        {
            Array.Resize(ref canonical, Math.Max(length + size + 2, canonical.Length * 2));
        }

        if (items.Count > 0)
        {
            canonical[length++] = (byte)',';
        }

        var start = length;
        canonical[length++] = (byte)'{';
        return start;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(canonical.AsSpan(length));
        length += bytes.Length;
    }
}
