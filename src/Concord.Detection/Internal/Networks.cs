// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Concord.Patterning.Internal;

namespace Concord.Detection.Internal;

/// <summary>Parses addresses for the CIDR index: plain dotted IPv4 without allocating, anything else as the evaluator does.</summary>
internal static class Networks
{
    public static bool TryParse(ReadOnlySpan<char> text, string? allocated, out IpNetwork network)
    {
        if (TryParseV4(text, out network))
        {
            return true;
        }

        // A lone IPv6 address (no prefix, no zone): what IpNetwork reads from it, without the string.
        if (text.Contains(':') && !text.ContainsAny('/', '%'))
        {
            Span<byte> bytes = stackalloc byte[16];
            if (IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.TryWriteBytes(bytes, out _))
            {
                var address = BinaryPrimitives.ReadUInt128BigEndian(bytes);
                network = new IpNetwork(true, address, address);
                return true;
            }

            return false;
        }

        // The fast form is a subset of what IpNetwork accepts; the rest goes through IpNetwork itself.
        return IpNetwork.TryParse(allocated ?? new string(text), out network);
    }

    /// <summary>
    /// <c>a.b.c.d</c> or <c>a.b.c.d/n</c>, decimal without leading zeros, as <see cref="IpNetwork.TryParse"/>
    /// reads them: from characters, or from the UTF-8 of a value as read.
    /// </summary>
    public static bool TryParseV4<T>(ReadOnlySpan<T> text, out IpNetwork network)
        where T : unmanaged, IBinaryInteger<T>
    {
        network = default;
        uint address = 0;
        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || int.CreateTruncating(text[i]) != '.')
                {
                    return false;
                }

                i++;
            }

            if (!TryNumber(text, ref i, 255, out var value))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
        }

        var prefix = 32;
        if (i < text.Length)
        {
            if (int.CreateTruncating(text[i]) != '/')
            {
                return false;
            }

            i++;
            if (!TryNumber(text, ref i, 32, out prefix) || i != text.Length)
            {
                return false;
            }
        }

        var hostMask = prefix == 0 ? uint.MaxValue : (uint)((1UL << (32 - prefix)) - 1);
        network = new IpNetwork(false, address & ~hostMask, address | hostMask);
        return true;
    }

    private static bool TryNumber<T>(ReadOnlySpan<T> text, ref int i, int max, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        var start = i;
        while (i < text.Length && IsDigit(text[i]) && i - start < 3)
        {
            value = (value * 10) + (int.CreateTruncating(text[i]) - '0');
            i++;
        }

        var length = i - start;
        return length > 0 && (length == 1 || int.CreateTruncating(text[start]) != '0') && value <= max && (i >= text.Length || !IsDigit(text[i]));
    }

    private static bool IsDigit<T>(T c)
        where T : unmanaged, IBinaryInteger<T> => unchecked(uint.CreateTruncating(c) - '0') <= 9;
}
