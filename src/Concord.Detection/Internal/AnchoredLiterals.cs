// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Concord.Detection.Internal;

/// <summary>
/// Multi-string search whose cost per character does not grow with the number of literals. Each literal
/// is anchored on one of its eight-character windows (a shorter one on one of its four-character
/// windows, one shorter still on itself); the window
/// ending at each character of the text is tested against a blocked bloom filter of the anchors (two bits in one word each),
/// small enough to stay in the L2 cache, and only a window that passes looks its anchor up and compares the
/// literals anchored there with the text around it.
/// </summary>
/// <remarks>
/// An automaton over 100,000 literals is a table of tens of megabytes read at random, a cache miss at
/// almost every character; here the common path is one word read from at most 512 KiB. A literal
/// occurring in the text puts its anchor in the text at a known offset from its start, so no occurrence
/// is missed. Anchors are long and each literal is anchored on its least likely window under a model of
/// character pairs learnt from all the literals (then on the one fewest literals contain), because observed
/// values share their shape with the literals (host names, URL paths, numbered file names): short or common
/// anchors (a scheme, the leading digits of a number) would let most values through.
/// Immutable once built; <see cref="Search"/> is thread-safe.
/// </remarks>
internal sealed class AnchoredLiterals
{
    /// <summary>Characters in an anchor: two 64-bit rolling keys of four UTF-16 units each.</summary>
    public const int AnchorLength = 8;

    /// <summary>Characters in the anchor of a literal shorter than <see cref="AnchorLength"/>: one rolling key.</summary>
    public const int ShortAnchorLength = 4;

    /// <summary>Filter bits per anchor: with two bits each in one 64-bit word, a few windows in a thousand without an anchor pass.</summary>
    private const int BitsPerAnchor = 32;

    /// <summary>512 KiB: half the L2 cache of a core, so that the filter stays there beside the value tables.</summary>
    private const int MaximumBitsLog2 = 22;

    private const int MinimumBitsLog2 = 10;

    private readonly string[] literals;

    // By anchor length, shortest first; only the lengths some literal needs (eight, four, and shorter literals' own).
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
        var frequency = new Dictionary<(int, ulong, ulong), int>();
        var windows = new HashSet<(int, ulong, ulong)>();
        foreach (var literal in all)
        {
            ArgumentException.ThrowIfNullOrEmpty(literal, nameof(literals));
            var length = AnchorLengthOf(literal);
            windows.Clear();
            for (var start = 0; start + length <= literal.Length; start++)
            {
                var (earlier, recent) = Key(literal.AsSpan(start, length));
                windows.Add((length, earlier, recent));
            }

            foreach (var window in windows)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, window, out _)++;
            }
        }

        var model = new BigramModel(all);
        var byLength = new Dictionary<int, Dictionary<(ulong, ulong), List<Entry>>>();
        for (var i = 0; i < all.Length; i++)
        {
            var literal = all[i];
            var length = AnchorLengthOf(literal);
            var offset = 0;
            var best = (Surprise: double.NegativeInfinity, Count: int.MaxValue);
            for (var start = 0; start + length <= literal.Length; start++)
            {
                var window = literal.AsSpan(start, length);
                var (earlier, recent) = Key(window);
                var score = (Surprise: model.Surprise(window), Count: frequency[(length, earlier, recent)]);
                if (score.Surprise > best.Surprise || (score.Surprise == best.Surprise && score.Count < best.Count))
                {
                    best = score;
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
    /// Eight characters, or four for a literal shorter than that (one more table to test, whatever the
    /// lengths of the short literals), or the whole of a literal shorter than four.
    /// </summary>
    private static int AnchorLengthOf(string literal) =>
        literal.Length >= AnchorLength ? AnchorLength : literal.Length >= ShortAnchorLength ? ShortAnchorLength : literal.Length;

    /// <summary>
    /// Reports every literal that occurs in the text (a literal occurring several times is reported each
    /// time). Returns the number of windows the filter let through, to measure the prefilter by.
    /// </summary>
    public int Search<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ILiteralSink
    {
        var passed = 0;
        var earlier = 0UL;
        var recent = 0UL;
        for (var end = 0; end < text.Length; end++)
        {
            earlier = (earlier << 16) | (recent >> 48);
            recent = (recent << 16) | text[end];
            foreach (var table in tables)
            {
                if (end + 1 >= table.Length && table.MayEndHere(earlier, recent))
                {
                    passed++;
                    table.Verify(text, end + 1, earlier, recent, literals, ref sink);
                }
            }
        }

        return passed;
    }

    /// <summary>
    /// Up to eight UTF-16 units packed as the rolling keys hold them: the last four in the low key (the
    /// last character in its low bits), those before in the high key.
    /// </summary>
    private static (ulong Earlier, ulong Recent) Key(ReadOnlySpan<char> window)
    {
        var earlier = 0UL;
        var recent = 0UL;
        foreach (var c in window)
        {
            earlier = (earlier << 16) | (recent >> 48);
            recent = (recent << 16) | c;
        }

        return (earlier, recent);
    }

    /// <summary>
    /// How unlikely a window is in text shaped like the literals: the negative log-probability of its
    /// characters under a model of character pairs learnt from the literals themselves. A window that is rare
    /// among the literals may still be common in the values searched (observed values share the literals'
    /// shape: a scheme and a host-name prefix, the leading digits of a number), and passing the filter there
    /// costs a table look-up for nothing; a window of unlikely pairs (the low digits of a number) is rare in
    /// both.
    /// </summary>
    private sealed class BigramModel
    {
        private readonly Dictionary<int, int> pairs = [];
        private readonly Dictionary<char, int> occurrences = [];
        private readonly int alphabet;

        public BigramModel(string[] literals)
        {
            var characters = new HashSet<char>();
            foreach (var literal in literals)
            {
                for (var i = 0; i < literal.Length; i++)
                {
                    characters.Add(literal[i]);
                    CollectionsMarshal.GetValueRefOrAddDefault(occurrences, literal[i], out _)++;
                    if (i + 1 < literal.Length)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(pairs, (literal[i] << 16) | literal[i + 1], out _)++;
                    }
                }
            }

            alphabet = characters.Count + 1;
        }

        /// <summary>−log P(window), with add-one smoothing, so that a pair no literal holds is unlikely but possible.</summary>
        public double Surprise(ReadOnlySpan<char> window)
        {
            var surprise = 0.0;
            for (var i = 1; i < window.Length; i++)
            {
                var pair = pairs.GetValueOrDefault((window[i - 1] << 16) | window[i]);
                surprise -= Math.Log((pair + 1.0) / (occurrences.GetValueOrDefault(window[i - 1]) + alphabet));
            }

            return surprise;
        }
    }

    /// <summary>A literal and where its anchor starts in it.</summary>
    private readonly record struct Entry(int Literal, int Offset);

    /// <summary>The anchors of one length: the filter of their hashes, and the literals by anchor.</summary>
    private sealed class Table
    {
        private readonly ulong earlierMask;
        private readonly ulong recentMask;
        private readonly int bitsLog2;
        private readonly ulong[] bits;
        private readonly Dictionary<(ulong, ulong), Entry[]> entries;

        private Table(int length, int bitsLog2, ulong[] bits, Dictionary<(ulong, ulong), Entry[]> entries)
        {
            Length = length;
            earlierMask = length <= 4 ? 0 : length == 8 ? ulong.MaxValue : (1UL << (16 * (length - 4))) - 1;
            recentMask = length >= 4 ? ulong.MaxValue : (1UL << (16 * length)) - 1;
            this.bitsLog2 = bitsLog2;
            this.bits = bits;
            this.entries = entries;
        }

        /// <summary>Characters in this table's anchors.</summary>
        public int Length { get; }

        public static Table Build(int length, Dictionary<(ulong, ulong), List<Entry>> anchors)
        {
            var bitsLog2 = Math.Clamp(BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)(anchors.Count * BitsPerAnchor))), MinimumBitsLog2, MaximumBitsLog2);
            var table = new Table(length, bitsLog2, new ulong[(1 << bitsLog2) / 64], anchors.ToDictionary(a => a.Key, a => a.Value.ToArray()));
            foreach (var (earlier, recent) in anchors.Keys)
            {
                var hash = Hash(earlier, recent);
                table.bits[table.Word(hash)] |= Bits(hash);
            }

            return table;
        }

        /// <summary>Whether the window the rolling keys end with may be an anchor: false for most windows, from the filter alone.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayEndHere(ulong earlier, ulong recent)
        {
            var hash = Hash(earlier & earlierMask, recent & recentMask);
            var both = Bits(hash);
            return (bits[Word(hash)] & both) == both;
        }

        /// <summary>Looks up the anchor that ends just before <paramref name="end"/> and reports the literals it anchors that the text holds there.</summary>
        public void Verify<TSink>(ReadOnlySpan<char> text, int end, ulong earlier, ulong recent, string[] literals, ref TSink sink)
            where TSink : struct, ILiteralSink
        {
            if (!entries.TryGetValue((earlier & earlierMask, recent & recentMask), out var anchored))
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

        // Multiplicative hashing: the top bits of a product depend on every bit of the key. Both bits of an
        // anchor are in one word (a blocked filter), so that a window costs one cache line, not two: the
        // word from the top bits of one product, the two bits in it from the top bits of another.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Hash(ulong earlier, ulong recent) => unchecked((earlier * 0x9E3779B97F4A7C15UL) ^ recent);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Bits(ulong hash)
        {
            var positions = unchecked(hash * 0xC4CEB9FE1A85EC53UL);
            return (1UL << (int)(positions >> 58)) | (1UL << (int)((positions >> 52) & 63));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Word(ulong hash) => (int)(unchecked(hash * 0xFF51AFD7ED558CCDUL) >> (64 - bitsLog2 + 6));
    }
}

/// <summary>Receives the literals a search finds.</summary>
internal interface ILiteralSink
{
    /// <summary>Called for each occurrence of a literal.</summary>
    void Found(int literal);
}
