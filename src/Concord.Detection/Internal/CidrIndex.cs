// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Internal;

namespace Concord.Detection.Internal;

/// <summary>
/// The CIDR blocks of <c>ISSUBSET</c> comparisons on one object path, as a hash table per prefix
/// length: looking up an address or block masks it with each prefix length in use (at most 33 for
/// IPv4, 129 for IPv6) and finds every block that contains it.
/// </summary>
internal sealed class CidrIndex
{
    // One table per prefix length, so that a lookup hashes only the masked network.
    private readonly Dictionary<UInt128, List<int>>?[] v4Blocks = new Dictionary<UInt128, List<int>>?[33];
    private readonly Dictionary<UInt128, List<int>>?[] v6Blocks = new Dictionary<UInt128, List<int>>?[129];
    private int[] v4 = [];
    private int[] v6 = [];
    private int count;

    public bool IsEmpty => count == 0;

    public void Add(IpNetwork block, int leaf)
    {
        var (tables, prefix) = Key(block);
        var table = tables[prefix] ??= [];
        if (!table.TryGetValue(block.First, out var leaves))
        {
            table[block.First] = leaves = [];
            count++;
            Refresh();
        }

        leaves.Add(leaf);
    }

    public void Remove(IpNetwork block, int leaf)
    {
        var (tables, prefix) = Key(block);
        if (tables[prefix] is { } table && table.TryGetValue(block.First, out var leaves) && leaves.Remove(leaf) && leaves.Count == 0)
        {
            table.Remove(block.First);
            count--;
            if (table.Count == 0)
            {
                tables[prefix] = null;
            }

            Refresh();
        }
    }

    /// <summary>Adds the leaves of every block that contains <paramref name="value"/>.</summary>
    public void Lookup(IpNetwork value, CandidateSet candidates)
    {
        var bits = value.IsV6 ? 128 : 32;
        var tables = value.IsV6 ? v6Blocks : v4Blocks;
        foreach (var prefix in value.IsV6 ? v6 : v4)
        {
            var hostBits = bits - prefix;
            var mask = hostBits == 128 ? UInt128.Zero : ~((UInt128.One << hostBits) - 1);
            if (tables[prefix]!.TryGetValue(value.First & mask, out var leaves))
            {
                candidates.AddRange(leaves);
            }
        }
    }

    private (Dictionary<UInt128, List<int>>?[] Tables, int Prefix) Key(IpNetwork block)
    {
        var size = block.Last - block.First;
        var hostBits = size == UInt128.MaxValue ? 128 : 128 - (int)UInt128.LeadingZeroCount(size);
        return block.IsV6 ? (v6Blocks, 128 - hostBits) : (v4Blocks, 32 - hostBits);
    }

    private void Refresh()
    {
        v4 = [.. Enumerable.Range(0, v4Blocks.Length).Where(p => v4Blocks[p] is not null)];
        v6 = [.. Enumerable.Range(0, v6Blocks.Length).Where(p => v6Blocks[p] is not null)];
    }
}
