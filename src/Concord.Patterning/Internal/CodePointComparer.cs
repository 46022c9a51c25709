// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Internal;

/// <summary>
/// Compares strings by Unicode code point (section 9.6.2), without normalization. UTF-16 code unit order
/// differs from code point order only between surrogates and U+E000..U+FFFF, which this corrects.
/// </summary>
internal static class CodePointComparer
{
    public static int Compare(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a != b)
            {
                return Fix(a).CompareTo(Fix(b));
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int Fix(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        _ => c,
    };
}
