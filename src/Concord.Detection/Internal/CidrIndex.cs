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
    private readonly Dictionary<(bool IsV6, int Prefix, UInt128 Network), List<int>> blocks = [];
    private readonly SortedDictionary<int, int> v4Prefixes = [];
    private readonly SortedDictionary<int, int> v6Prefixes = [];
    private int[] v4 = [];
    private int[] v6 = [];

    public bool IsEmpty => blocks.Count == 0;

    public void Add(IpNetwork block, int leaf)
    {
        var key = Key(block);
        if (!blocks.TryGetValue(key, out var leaves))
        {
            blocks[key] = leaves = [];
            var prefixes = block.IsV6 ? v6Prefixes : v4Prefixes;
            prefixes[key.Prefix] = prefixes.GetValueOrDefault(key.Prefix) + 1;
            Refresh();
        }

        leaves.Add(leaf);
    }

    public void Remove(IpNetwork block, int leaf)
    {
        var key = Key(block);
        if (blocks.TryGetValue(key, out var leaves) && leaves.Remove(leaf) && leaves.Count == 0)
        {
            blocks.Remove(key);
            var prefixes = block.IsV6 ? v6Prefixes : v4Prefixes;
            if (--prefixes[key.Prefix] == 0)
            {
                prefixes.Remove(key.Prefix);
            }

            Refresh();
        }
    }

    /// <summary>Adds the leaves of every block that contains <paramref name="value"/>.</summary>
    public void Lookup(IpNetwork value, CandidateSet candidates)
    {
        var bits = value.IsV6 ? 128 : 32;
        foreach (var prefix in value.IsV6 ? v6 : v4)
        {
            var hostBits = bits - prefix;
            var mask = hostBits == 128 ? UInt128.Zero : ~((UInt128.One << hostBits) - 1);
            if (blocks.TryGetValue((value.IsV6, prefix, value.First & mask), out var leaves))
            {
                candidates.AddRange(leaves);
            }
        }
    }

    private static (bool IsV6, int Prefix, UInt128 Network) Key(IpNetwork block)
    {
        var size = block.Last - block.First;
        var hostBits = size == UInt128.MaxValue ? 128 : 128 - (int)UInt128.LeadingZeroCount(size);
        return (block.IsV6, (block.IsV6 ? 128 : 32) - hostBits, block.First);
    }

    private void Refresh()
    {
        v4 = [.. v4Prefixes.Keys];
        v6 = [.. v6Prefixes.Keys];
    }
}
