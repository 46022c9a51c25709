// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Numerics;
using System.Runtime.CompilerServices;

namespace Concord.Detection.Internal;

/// <summary>
/// Multi-string search whose cost per character does not grow with the number of literals. Each literal
/// is anchored on one of its four-character windows (a shorter literal is its own anchor); a rolling
/// window over the text is tested against a bitmap of the anchors' hashes, small enough to stay in the
/// L2 cache, and only a window whose bit is set looks its anchor up and compares the literals anchored
/// there with the text around it.
/// </summary>
/// <remarks>
/// An automaton over 100,000 literals is a table of tens of megabytes read at random, a cache miss at
/// almost every character; here the common path is one bit read from a few hundred kilobytes. A literal
/// occurring in the text puts its anchor in the text at a known offset from its start, so no occurrence
/// is missed. Each literal is anchored on the window fewest other literals contain, so that anchors shared
/// by many literals (a scheme, a common prefix) do not make every window a hit.
/// Immutable once built; <see cref="Search"/> is thread-safe.
/// </remarks>
internal sealed class AnchoredLiterals
{
    /// <summary>Characters in an anchor: four UTF-16 units fill the 64-bit rolling key.</summary>
    public const int AnchorLength = 4;

    /// <summary>Bitmap bits per anchor: about 3% of the bits set, so few windows without an anchor look one up.</summary>
    private const int BitsPerAnchor = 32;

    /// <summary>512 KiB: half the L2 cache of a core, so that the bitmap stays there beside the value tables.</summary>
    private const int MaximumBitsLog2 = 22;

    private const int MinimumBitsLog2 = 10;

    private readonly string[] literals;

    // By anchor length, shortest first; only the lengths some literal needs (four, and shorter literals' own).
    private readonly Table[] tables;

    private AnchoredLiterals(string[] literals, Table[] tables)
    {
        this.literals = literals;
        this.tables = tables;
    }

    /// <summary>Builds the search; literal i is reported as i. Literals must not be empty.</summary>
    public static AnchoredLiterals Build(IReadOnlyList<string> literals)
    {
        var all = literals.ToArray();
        var frequency = new Dictionary<ulong, int>();
        var windows = new HashSet<ulong>();
        foreach (var literal in all)
        {
            ArgumentException.ThrowIfNullOrEmpty(literal, nameof(literals));
            windows.Clear();
            for (var start = 0; start + AnchorLength <= literal.Length; start++)
            {
                windows.Add(Key(literal.AsSpan(start, AnchorLength)));
            }

            foreach (var window in windows)
            {
                frequency[window] = frequency.GetValueOrDefault(window) + 1;
            }
        }

        var byLength = new Dictionary<int, Dictionary<ulong, List<Entry>>>();
        for (var i = 0; i < all.Length; i++)
        {
            var literal = all[i];
            var length = Math.Min(literal.Length, AnchorLength);
            var offset = 0;
            for (var start = 1; start + AnchorLength <= literal.Length; start++)
            {
                if (frequency[Key(literal.AsSpan(start, AnchorLength))] < frequency[Key(literal.AsSpan(offset, AnchorLength))])
                {
                    offset = start;
                }
            }

            if (!byLength.TryGetValue(length, out var anchors))
            {
                byLength[length] = anchors = [];
            }

            var anchor = Key(literal.AsSpan(offset, length));
            if (!anchors.TryGetValue(anchor, out var entries))
            {
                anchors[anchor] = entries = [];
            }

            entries.Add(new Entry(i, offset));
        }

        return new AnchoredLiterals(all, [.. byLength.OrderBy(t => t.Key).Select(t => Table.Build(t.Key, t.Value))]);
    }

    /// <summary>
    /// Reports every literal that occurs in the text (a literal occurring several times is reported each
    /// time). Returns the number of windows the bitmap let through, to measure the prefilter by.
    /// </summary>
    public int Search<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ILiteralSink
    {
        var passed = 0;
        var key = 0UL;
        for (var end = 0; end < text.Length; end++)
        {
            key = (key << 16) | text[end];
            foreach (var table in tables)
            {
                if (end + 1 >= table.Length && table.MayEndHere(key))
                {
                    passed++;
                    table.Verify(text, end + 1, key, literals, ref sink);
                }
            }
        }

        return passed;
    }

    /// <summary>Up to four UTF-16 units packed into a 64-bit key, the last in the low bits as the rolling key has it.</summary>
    private static ulong Key(ReadOnlySpan<char> window)
    {
        var key = 0UL;
        foreach (var c in window)
        {
            key = (key << 16) | c;
        }

        return key;
    }

    /// <summary>A literal and where its anchor starts in it.</summary>
    private readonly record struct Entry(int Literal, int Offset);

    /// <summary>The anchors of one length: the bitmap of their hashes, and the literals by anchor.</summary>
    private sealed class Table
    {
        private readonly ulong mask;
        private readonly int shift;
        private readonly ulong[] bits;
        private readonly Dictionary<ulong, Entry[]> entries;

        private Table(int length, ulong mask, int shift, ulong[] bits, Dictionary<ulong, Entry[]> entries)
        {
            Length = length;
            this.mask = mask;
            this.shift = shift;
            this.bits = bits;
            this.entries = entries;
        }

        /// <summary>Characters in this table's anchors.</summary>
        public int Length { get; }

        public static Table Build(int length, Dictionary<ulong, List<Entry>> anchors)
        {
            var bitsLog2 = Math.Clamp(BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)(anchors.Count * BitsPerAnchor))), MinimumBitsLog2, MaximumBitsLog2);
            var shift = 64 - bitsLog2;
            var bits = new ulong[(1 << bitsLog2) / 64];
            foreach (var anchor in anchors.Keys)
            {
                var bit = Hash(anchor, shift);
                bits[bit >> 6] |= 1UL << (int)bit;
            }

            var mask = length == AnchorLength ? ulong.MaxValue : (1UL << (16 * length)) - 1;
            return new Table(length, mask, shift, bits, anchors.ToDictionary(a => a.Key, a => a.Value.ToArray()));
        }

        /// <summary>Whether the window the rolling key ends with may be an anchor: false for most windows, from the bitmap alone.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayEndHere(ulong key)
        {
            var bit = Hash(key & mask, shift);
            return (bits[bit >> 6] & (1UL << (int)bit)) != 0;
        }

        /// <summary>Looks up the anchor that ends just before <paramref name="end"/> and reports the literals it anchors that the text holds there.</summary>
        public void Verify<TSink>(ReadOnlySpan<char> text, int end, ulong key, string[] literals, ref TSink sink)
            where TSink : struct, ILiteralSink
        {
            if (!entries.TryGetValue(key & mask, out var anchored))
            {
                return;
            }

            foreach (var (literal, offset) in anchored)
            {
                var start = end - Length - offset;
                var candidate = literals[literal];
                if (start >= 0 && start + candidate.Length <= text.Length && text.Slice(start, candidate.Length).SequenceEqual(candidate))
                {
                    sink.Found(literal);
                }
            }
        }

        // Fibonacci hashing: the top bits of the product depend on every bit of the key.
        private static ulong Hash(ulong anchor, int shift) => unchecked(anchor * 0x9E3779B97F4A7C15UL) >> shift;
    }
}

/// <summary>Receives the literals a search finds.</summary>
internal interface ILiteralSink
{
    /// <summary>Called for each occurrence of a literal.</summary>
    void Found(int literal);
}
