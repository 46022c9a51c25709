// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Numerics;

namespace Concord.Stix;

/// <summary>
/// A STIX <c>identifier</c> (section 2.9): <c>object-type--UUID</c> with an RFC 4122 UUID.
/// </summary>
/// <param name="Type">The object type prefix.</param>
/// <param name="Uuid">The UUID part.</param>
public readonly record struct StixIdentifier(string Type, Guid Uuid)
{
    /// <summary>The version nibble of the UUID (4 random, 5 name-based SHA-1, …).</summary>
    public int UuidVersion => HexValue(Uuid.ToString("D")[14]);

    /// <summary>Parses an identifier.</summary>
    /// <param name="text">The text.</param>
    /// <param name="identifier">The identifier when the text is valid.</param>
    /// <returns>Whether the text has the form <c>type--UUID</c> with an RFC 4122 UUID (lowercase or uppercase hex, hyphenated).</returns>
    public static bool TryParse(string? text, out StixIdentifier identifier)
    {
        identifier = default;
        if (text is null || !TryParseCore(text, out var typeLength, out _))
        {
            return false;
        }

        identifier = new StixIdentifier(text[..typeLength], Guid.ParseExact(text.AsSpan(typeLength + 2), "D"));
        return true;
    }

    /// <summary>Checks the form <c>type--UUID</c> without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <param name="typeLength">The length of the type part.</param>
    /// <param name="version">The UUID version.</param>
    internal static bool TryParseCore(ReadOnlySpan<char> text, out int typeLength, out int version) => TryParseCore<char>(text, out typeLength, out version);

    /// <summary>Checks the form <c>type--UUID</c> on UTF-16 or raw UTF-8 text without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <param name="typeLength">The length of the type part.</param>
    /// <param name="version">The UUID version.</param>
    internal static bool TryParseCore<T>(ReadOnlySpan<T> text, out int typeLength, out int version)
        where T : unmanaged, IBinaryInteger<T>
    {
        typeLength = text.Length - 38;
        version = 0;

        // The UUID part is always the last 36 characters, after "--"; the type before it is not empty.
        if (typeLength <= 0 || At(text, typeLength) != '-' || At(text, typeLength + 1) != '-')
        {
            return false;
        }

        var uuid = text[(typeLength + 2)..];
        if (At(uuid, 8) != '-' || At(uuid, 13) != '-' || At(uuid, 18) != '-' || At(uuid, 23) != '-')
        {
            return false;
        }

        for (var i = 0; i < uuid.Length; i++)
        {
            if (i is not (8 or 13 or 18 or 23) && !char.IsAsciiHexDigit(At(uuid, i)))
            {
                return false;
            }
        }

        // RFC 4122 section 4.1.1: the variant bits are 10xx; section 4.1.3: versions 1 to 5.
        var variant = HexValue(At(uuid, 19));
        version = HexValue(At(uuid, 14));
        return (variant & 0b1100) == 0b1000 && version is >= 1 and <= 5;
    }

    private static char At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => (char)ushort.CreateTruncating(text[index]);

    /// <inheritdoc />
    public override string ToString() => $"{Type}--{Uuid:D}";

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
