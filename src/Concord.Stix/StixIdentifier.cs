// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix;

/// <summary>
/// A STIX <c>identifier</c> (section 2.9): <c>object-type--UUID</c> with an RFC 4122 UUID.
/// </summary>
/// <param name="Type">The object type prefix.</param>
/// <param name="Uuid">The UUID part.</param>
public readonly record struct StixIdentifier(string Type, Guid Uuid)
{
    /// <summary>The version nibble of the UUID (4 random, 5 name-based SHA-1, …).</summary>
    public int UuidVersion => UuidVersionOf(Uuid);

    /// <summary>Parses an identifier.</summary>
    /// <param name="text">The text.</param>
    /// <param name="identifier">The identifier when the text is valid.</param>
    /// <returns>Whether the text has the form <c>type--UUID</c> with an RFC 4122 UUID (lowercase or uppercase hex, hyphenated).</returns>
    public static bool TryParse(string? text, out StixIdentifier identifier)
    {
        identifier = default;
        if (text is null)
        {
            return false;
        }

        var separator = text.IndexOf("--", StringComparison.Ordinal);
        if (separator <= 0 || text.Length - separator - 2 != 36)
        {
            return false;
        }

        // "--" inside the type would be found first; the UUID part is always the last 36 characters.
        separator = text.Length - 38;
        if (text[separator] != '-' || text[separator + 1] != '-')
        {
            return false;
        }

        var uuidText = text.AsSpan(separator + 2);
        if (uuidText[8] != '-' || uuidText[13] != '-' || uuidText[18] != '-' || uuidText[23] != '-'
            || !Guid.TryParseExact(uuidText, "D", out var uuid))
        {
            return false;
        }

        // RFC 4122 section 4.1.1: the variant bits are 10xx; section 4.1.3: versions 1 to 5.
        var variant = HexValue(uuidText[19]);
        var version = HexValue(uuidText[14]);
        if ((variant & 0b1100) != 0b1000 || version is < 1 or > 5)
        {
            return false;
        }

        identifier = new StixIdentifier(text[..separator], uuid);
        return true;
    }

    /// <summary>Returns the type prefix of an identifier-like string (the text before the last <c>--</c> + UUID), or null.</summary>
    /// <param name="text">The identifier text.</param>
    public static string? TypeOf(string text)
    {
        var separator = text.LastIndexOf("--", StringComparison.Ordinal);
        return separator > 0 ? text[..separator] : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type}--{Uuid:D}";

    internal static int UuidVersionOf(Guid uuid) => HexValue(uuid.ToString("D")[14]);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
