// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Stix.Schema;

/// <summary>
/// Finds a property's position in a schema from its raw UTF-8 name, as System.Text.Json stores it,
/// without decoding: open addressing over a small power-of-two table, verified byte for byte.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
internal sealed class Utf8NameTable
{
    private readonly byte[][] names;
    private readonly int[] slots;
    private readonly int mask;

    public Utf8NameTable(IReadOnlyList<string> properties)
    {
        names = [.. properties.Select(Encoding.UTF8.GetBytes)];
        var size = 8;
        while (size < properties.Count * 4)
        {
            size *= 2;
        }

        mask = size - 1;
        slots = new int[size];
        Array.Fill(slots, -1);
        for (var i = 0; i < names.Length; i++)
        {
            var slot = Hash(names[i]) & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i;
        }
    }

    /// <summary>The position of the property, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var slot = Hash(name) & mask; slots[slot] >= 0; slot = (slot + 1) & mask)
        {
            var candidate = slots[slot];
            if (name.SequenceEqual(names[candidate]))
            {
                return candidate;
            }
        }

        return -1;
    }

    // Property names of one table differ early, late or in length; three bytes and the length separate them well.
    private static int Hash(ReadOnlySpan<byte> name) =>
        name.Length == 0 ? 0 : unchecked((name.Length * 31) ^ (name[0] * 7919) ^ (name[^1] * 104729) ^ (name[name.Length / 2] * 1299709));
}
