// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Concord.Patterning.Internal;

/// <summary>An IPv4 or IPv6 address or CIDR block, as the range of addresses it covers.</summary>
internal readonly record struct IpNetwork(bool IsV6, UInt128 First, UInt128 Last)
{
    public static bool TryParse(string text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        bool isV6;
        UInt128 address;
        if (TryParseV4(addressText, out var v4))
        {
            isV6 = false;
            address = v4;
        }
        else if (addressText.Contains(':', StringComparison.Ordinal) && !addressText.Contains('%', StringComparison.Ordinal)
            && IPAddress.TryParse(addressText, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            isV6 = true;
            address = new UInt128(0, 0);
            foreach (var b in parsed.GetAddressBytes())
            {
                address = (address << 8) | b;
            }
        }
        else
        {
            return false;
        }

        var bits = isV6 ? 128 : 32;
        var prefix = bits;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit) || (prefixText.Length > 1 && prefixText[0] == '0')
                || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits)
            {
                return false;
            }
        }

        var hostBits = bits - prefix;
        var hostMask = hostBits == 0 ? UInt128.Zero : hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        network = new IpNetwork(isV6, address & ~hostMask, address | hostMask);
        return true;
    }

    public bool IsSubsetOf(IpNetwork other) => IsV6 == other.IsV6 && other.First <= First && Last <= other.Last;

    private static bool TryParseV4(string text, out UInt128 address)
    {
        address = UInt128.Zero;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)value;
        }

        return true;
    }
}
