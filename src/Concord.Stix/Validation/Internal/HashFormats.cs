// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation.Internal;

/// <summary>The value formats of the hash algorithms of hash-algorithm-ov (section 10.7).</summary>
internal static class HashFormats
{
    /// <summary>Checks a hash value against its algorithm; returns null when it fits, else what was expected.</summary>
    public static string? Check(string algorithm, string value) => algorithm switch
    {
        "MD5" => HexOfLength(value, 32, "32 hexadecimal digits"),
        "SHA-1" => HexOfLength(value, 40, "40 hexadecimal digits"),
        "SHA-256" or "SHA3-256" => HexOfLength(value, 64, "64 hexadecimal digits"),
        "SHA-512" or "SHA3-512" => HexOfLength(value, 128, "128 hexadecimal digits"),
        "SSDEEP" => IsSsdeep(value) ? null : "an ssdeep digest blocksize:hash:hash",
        "TLSH" => IsTlsh(value) ? null : "a TLSH digest (70 or 72 hexadecimal digits, optionally prefixed T1)",
        _ => null,
    };

    private static string? HexOfLength(string value, int length, string expected) =>
        value.Length == length && value.All(char.IsAsciiHexDigit) ? null : expected;

    private static bool IsSsdeep(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit) && parts[1].Length > 0 && parts[2].Length > 0;
    }

    private static bool IsTlsh(string value)
    {
        var digits = value.StartsWith("T1", StringComparison.Ordinal) ? value[2..] : value;
        return digits.Length is 70 or 72 && digits.All(char.IsAsciiHexDigit);
    }
}
