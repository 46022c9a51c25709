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
    // One table per prefix length, so that a lookup hashes only the masked network; IPv4 networks as
    // 32-bit keys, so that the path every IPv4 address takes does no 128-bit arithmetic.
    private readonly PrefixTables<uint> v4 = new(33);
    private readonly PrefixTables<UInt128> v6 = new(129);

    public bool IsEmpty => v4.IsEmpty && v6.IsEmpty;

    public void Add(IpNetwork block, int leaf)
    {
        if (block.IsV6)
        {
            v6.Add(Prefix(block), block.First, leaf);
        }
        else
        {
            v4.Add(Prefix(block), (uint)block.First, leaf);
        }
    }

    public void Remove(IpNetwork block, int leaf)
    {
        if (block.IsV6)
        {
            v6.Remove(Prefix(block), block.First, leaf);
        }
        else
        {
            v4.Remove(Prefix(block), (uint)block.First, leaf);
        }
    }

    /// <summary>Adds the leaves of every block that contains <paramref name="value"/>.</summary>
    public void Lookup(IpNetwork value, CandidateSet candidates)
    {
        if (!value.IsV6)
        {
            var address = (uint)value.First;
            foreach (var prefix in v4.InUse)
            {
                var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
                if (v4.Find(prefix, address & mask) is { } leaves)
                {
                    candidates.AddRange(leaves);
                }
            }

            return;
        }

        foreach (var prefix in v6.InUse)
        {
            var hostBits = 128 - prefix;
            var mask = hostBits == 128 ? UInt128.Zero : ~((UInt128.One << hostBits) - 1);
            if (v6.Find(prefix, value.First & mask) is { } leaves)
            {
                candidates.AddRange(leaves);
            }
        }
    }

    private static int Prefix(IpNetwork block)
    {
        var size = block.Last - block.First;
        var hostBits = size == UInt128.MaxValue ? 128 : 128 - (int)UInt128.LeadingZeroCount(size);
        return (block.IsV6 ? 128 : 32) - hostBits;
    }

    /// <summary>The blocks of one address family, by prefix length, then by network.</summary>
    private sealed class PrefixTables<TKey>(int lengths)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, List<int>>?[] tables = new Dictionary<TKey, List<int>>?[lengths];

        /// <summary>The prefix lengths that have blocks, ascending.</summary>
        public int[] InUse { get; private set; } = [];

        public bool IsEmpty => InUse.Length == 0;

        public List<int>? Find(int prefix, TKey network) => tables[prefix]!.GetValueOrDefault(network);

        public void Add(int prefix, TKey network, int leaf)
        {
            var table = tables[prefix];
            if (table is null)
            {
                tables[prefix] = table = [];
                Refresh();
            }

            if (!table.TryGetValue(network, out var leaves))
            {
                table[network] = leaves = [];
            }

            leaves.Add(leaf);
        }

        public void Remove(int prefix, TKey network, int leaf)
        {
            if (tables[prefix] is { } table && table.TryGetValue(network, out var leaves) && leaves.Remove(leaf) && leaves.Count == 0)
            {
                table.Remove(network);
                if (table.Count == 0)
                {
                    tables[prefix] = null;
                    Refresh();
                }
            }
        }

        private void Refresh() => InUse = [.. Enumerable.Range(0, tables.Length).Where(p => tables[p] is not null)];
    }
}
