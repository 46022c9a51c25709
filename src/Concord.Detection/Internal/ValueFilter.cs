// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Concord.Detection.Internal;

/// <summary>
/// A blocked bloom filter of the UTF-8 of a set of strings: two bits in one 64-bit word per value, about
/// sixteen bits per value, so that a value outside the set is ruled out by hashing its bytes once and
/// reading one word (false for all but about one in a hundred), without decoding it or touching the
/// dictionary that holds the set.
/// </summary>
/// <remarks>
/// Never false for a value added and not yet rebuilt away: a filter only rules values out. Removed values
/// keep their bits until the next rebuild (a value let through is then only looked up in vain); the filter
/// is rebuilt from the live values when more have been added than it was sized for, which also drops what
/// removals left behind.
/// </remarks>
internal sealed class ValueFilter
{
    private const int BitsPerValue = 16;

    private ulong[] words = new ulong[1];
    private int wordsLog2;
    private int added;

    /// <summary>Adds a value; false when the filter is full and must be rebuilt (<see cref="Rebuild"/>) instead.</summary>
    public bool TryAdd(string value)
    {
        if ((added + 1) * BitsPerValue > words.Length * 64)
        {
            return false;
        }

        Set(Encoding.UTF8.GetBytes(value));
        return true;
    }

    /// <summary>Refills the filter with exactly these values, sized for twice as many.</summary>
    public void Rebuild(IReadOnlyCollection<string> values)
    {
        var bits = Math.Max(64, values.Count * 2 * BitsPerValue);
        wordsLog2 = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)bits / 64));
        words = new ulong[1 << wordsLog2];
        added = 0;
        foreach (var value in values)
        {
            Set(Encoding.UTF8.GetBytes(value));
        }
    }

    /// <summary>
    /// Whether a string whose UTF-8 is <paramref name="utf8"/> may be in the set: false only when it is not.
    /// (A string holding a lone surrogate has no UTF-8 and equals no such string.)
    /// </summary>
    public bool MayContain(ReadOnlySpan<byte> utf8)
    {
        var hash = XxHash3.HashToUInt64(utf8);
        var mask = Mask(hash);
        return (words[Word(hash)] & mask) == mask;
    }

    private void Set(ReadOnlySpan<byte> utf8)
    {
        var hash = XxHash3.HashToUInt64(utf8);
        words[Word(hash)] |= Mask(hash);
        added++;
    }

    // The word from the top bits, the two bits in it from the bottom twelve: independent parts of the hash.
    private int Word(ulong hash) => wordsLog2 == 0 ? 0 : (int)(hash >> (64 - wordsLog2));

    private static ulong Mask(ulong hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));
}
