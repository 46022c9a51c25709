// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Numerics;
using Concord.Patterning.Internal;

namespace Concord.Detection.Internal;

/// <summary>
/// The CIDR blocks of <c>ISSUBSET</c> comparisons on one object path, as a hash table per prefix
/// length: looking up an address or block masks it with each prefix length in use (at most 33 for
/// IPv4, 129 for IPv6) and finds every block that contains it. In front of the IPv4 tables, a coarse map
/// of the address space answers most addresses with one bit.
/// </summary>
internal sealed class CidrIndex
{
    // One table per prefix length, so that a lookup hashes only the masked network; IPv4 networks as
    // 32-bit keys, so that the path every IPv4 address takes does no 128-bit arithmetic.
    private readonly PrefixTables<uint> v4 = new(33);
    private readonly PrefixTables<UInt128> v6 = new(129);

    // One bit per cell of 2^(32 - coverLog2) addresses, set where some IPv4 block has addresses: an address
    // in a clear cell is in no block, and most addresses are, whatever the number of blocks. 64 to 128
    // cells per block (from 2^10 to 2^24 cells, 2 MiB at most), so the map stays sparse and small.
    private ulong[] cover = [];
    private int coverLog2;
    private int covered;

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
            if (covered < cover.Length || coverLog2 == 24)
            {
                Cover(block);
            }
            else
            {
                RebuildCover();
            }
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
            if (!MayContain(address))
            {
                return;
            }

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

    /// <summary>Whether the cell of the address has a block; cells of removed blocks stay set until the map is rebuilt.</summary>
    private bool MayContain(uint address)
    {
        var cell = address >> (32 - coverLog2);
        return cover.Length != 0 && (cover[cell >> 6] & (1UL << (int)cell)) != 0;
    }

    /// <summary>Sets the cells of an IPv4 block.</summary>
    private void Cover(IpNetwork block)
    {
        covered++;
        for (var cell = (uint)block.First >> (32 - coverLog2); cell <= (uint)block.Last >> (32 - coverLog2); cell++)
        {
            cover[cell >> 6] |= 1UL << (int)cell;
        }
    }

    /// <summary>Sizes the map for the blocks there are (twice as many, so that it is rebuilt seldom) and sets their cells.</summary>
    private void RebuildCover()
    {
        var blocks = v4.Blocks().ToList();
        coverLog2 = Math.Clamp(BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)blocks.Count * 128)), 10, 24);
        cover = new ulong[1 << (coverLog2 - 6)];
        covered = 0;
        foreach (var (prefix, network) in blocks)
        {
            var hostMask = prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;
            Cover(new IpNetwork(false, network, network | hostMask));
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

        /// <summary>Every block, as prefix length and network.</summary>
        public IEnumerable<(int Prefix, TKey Network)> Blocks() =>
            InUse.SelectMany(prefix => tables[prefix]!.Keys.Select(network => (prefix, network)));

        private void Refresh() => InUse = [.. Enumerable.Range(0, tables.Length).Where(p => tables[p] is not null)];
    }
}
