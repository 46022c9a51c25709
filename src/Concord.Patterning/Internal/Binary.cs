// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Internal;

/// <summary>Strict hex and base64 decoding (RFC 4648), as STIX <c>hex</c> and <c>binary</c> require.</summary>
internal static class Binary
{
    public static bool TryDecodeHex(string text, bool allowUppercase, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 2 != 0)
        {
            return false;
        }

        var result = new byte[text.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var high = HexValue(text[2 * i], allowUppercase);
            var low = HexValue(text[(2 * i) + 1], allowUppercase);
            if (high < 0 || low < 0)
            {
                return false;
            }

            result[i] = (byte)((high << 4) | low);
        }

        bytes = result;
        return true;
    }

    public static bool TryDecodeBase64(string text, bool ignoreLineFeeds, out byte[] bytes)
    {
        bytes = [];
        var clean = ignoreLineFeeds ? text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) : text;
        if (clean.Length % 4 != 0)
        {
            return false;
        }

        var padding = clean.EndsWith("==", StringComparison.Ordinal) ? 2 : clean.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < clean.Length - padding; i++)
        {
            var c = clean[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return false;
            }
        }

        try
        {
            bytes = Convert.FromBase64String(clean);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string ToHex(IEnumerable<byte> bytes) => Convert.ToHexStringLower([.. bytes]);

    public static string ToBase64(IEnumerable<byte> bytes) => Convert.ToBase64String([.. bytes]);

    private static int HexValue(char c, bool allowUppercase) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' when allowUppercase => c - 'A' + 10,
        _ => -1,
    };
}
