// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Concord.Stix.Validation;

/// <summary>
/// Syntax checks of the values of cyber-observable objects (section 6). Each check is no stricter
/// than the format the specification names, so that real-world content is not rejected for
/// conventions the specification does not impose.
/// </summary>
internal static partial class ObservableFormats
{
    private static readonly string[] AbbreviatedHives = ["HKLM", "HKCU", "HKCR", "HKU", "HKCC", "HKPD", "HKDD"];

    /// <summary>An IPv4 address in dotted-decimal form, optionally followed by /0 to /32.</summary>
    /// <param name="value">The ipv4-addr value.</param>
    public static bool IsIpv4OrCidr(string value)
    {
        var (address, prefix) = SplitCidr(value);
        if (prefix is { } p && !IsPrefixLength(p, 32))
        {
            return false;
        }

        var octets = address.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3 || !octet.All(char.IsAsciiDigit) || int.Parse(octet, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An IPv6 address in RFC 4291 text form (including embedded IPv4), optionally followed by /0 to /128.</summary>
    /// <param name="value">The ipv6-addr value.</param>
    public static bool IsIpv6OrCidr(string value)
    {
        var (address, prefix) = SplitCidr(value);
        if (prefix is { } p && !IsPrefixLength(p, 128))
        {
            return false;
        }

        // Zone ids (%eth0) and brackets are not part of the address text form.
        if (address.Length == 0 || !address.Contains(':', StringComparison.Ordinal) || address.AsSpan().IndexOfAny('%', '[', ']') >= 0)
        {
            return false;
        }

        return IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>A single colon-delimited, lowercase MAC-48 address with two digits per octet.</summary>
    /// <param name="value">The mac-addr value.</param>
    public static bool IsMac48(string value) => MacRegex().IsMatch(value);

    /// <summary>
    /// A domain name in the sense of RFC 1034 (and RFC 5890 for internationalized labels): non-empty
    /// dot-separated labels of at most 63 octets, at most 253 characters without the optional root dot,
    /// no label starting or ending with a hyphen, and no whitespace, control characters or the
    /// punctuation of URLs and addresses. Underscores are accepted (RFC 2181 service labels), as is a
    /// leading <c>*</c> wildcard label.
    /// </summary>
    /// <param name="value">The domain-name value.</param>
    public static bool IsDomainName(string value)
    {
        var name = value.EndsWith('.') ? value[..^1] : value;
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        var labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0 || Encoding.UTF8.GetByteCount(label) > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            if (label == "*" && i == 0)
            {
                continue;
            }

            foreach (var c in label)
            {
                var allowed = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c > 0x7F && !char.IsWhiteSpace(c) && !char.IsControl(c));
                if (!allowed)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A URL per RFC 3986: a scheme (a letter, then letters, digits, <c>+</c>, <c>-</c> or <c>.</c>)
    /// followed by <c>:</c> and a non-empty remainder with no whitespace or control characters.
    /// </summary>
    /// <param name="value">The url value.</param>
    public static bool IsUrl(string value) => UrlRegex().IsMatch(value) && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>
    /// A CPE 2.3 formatted string binding: <c>cpe:2.3:</c> and 11 further components separated by
    /// unescaped colons, the part being <c>a</c>, <c>o</c>, <c>h</c>, <c>*</c> or <c>-</c>.
    /// </summary>
    /// <param name="value">The cpe value.</param>
    public static bool IsCpe23(string value)
    {
        if (!value.StartsWith("cpe:2.3:", StringComparison.Ordinal))
        {
            return false;
        }

        var components = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                current.Append(c).Append(value[++i]);
            }
            else if (c == ':')
            {
                components.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        components.Add(current.ToString());
        return components.Count == 13 && components[2] is "a" or "o" or "h" or "*" or "-" && components.Skip(3).All(c => c.Length > 0 && !c.Any(char.IsWhiteSpace));
    }

    /// <summary>An RFC 5646 language tag, checked for its general shape (subtags of 1 to 8 letters or digits, the first alphabetic).</summary>
    /// <param name="value">The language tag.</param>
    public static bool IsLanguageTag(string value) => LanguageTagRegex().IsMatch(value);

    /// <summary>Whether the first segment of a registry key is an abbreviated hive such as <c>HKLM</c>.</summary>
    /// <param name="key">The registry key.</param>
    /// <param name="hive">The abbreviated hive, when it is one.</param>
    public static bool HasAbbreviatedHive(string key, out string hive)
    {
        var end = key.IndexOf('\\', StringComparison.Ordinal);
        var first = end < 0 ? key : key[..end];
        hive = first;
        return AbbreviatedHives.Contains(first.TrimEnd(':'), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The expanded name of an abbreviated hive, for messages.</summary>
    /// <param name="abbreviation">The abbreviation, e.g. <c>HKLM</c>.</param>
    public static string ExpandHive(string abbreviation) => abbreviation.TrimEnd(':').ToUpperInvariant() switch
    {
        "HKLM" => "HKEY_LOCAL_MACHINE",
        "HKCU" => "HKEY_CURRENT_USER",
        "HKCR" => "HKEY_CLASSES_ROOT",
        "HKU" => "HKEY_USERS",
        "HKCC" => "HKEY_CURRENT_CONFIG",
        "HKPD" => "HKEY_PERFORMANCE_DATA",
        _ => "HKEY_DYN_DATA",
    };

    /// <summary>A socket option name as the OASIS schema describes them, e.g. <c>SO_ACCEPTCONN</c> or <c>IPV6_V6ONLY</c>.</summary>
    /// <param name="key">The options key.</param>
    public static bool IsSocketOptionName(string key) => SocketOptionRegex().IsMatch(key);

    private static (string Address, string? Prefix) SplitCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (value, null) : (value[..slash], value[(slash + 1)..]);
    }

    private static bool IsPrefixLength(string prefix, int maximum) =>
        prefix.Length is > 0 and <= 3 && prefix.All(char.IsAsciiDigit) && int.Parse(prefix, CultureInfo.InvariantCulture) <= maximum;

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:.+$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UrlRegex();

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagRegex();

    [GeneratedRegex("^(SO|ICMP|ICMP6|IP|IPV6|MCAST|TCP|IRLMP)(_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SocketOptionRegex();
}
