// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <content>
/// The type-specific rules of the cyber-observable objects and their predefined extensions
/// (section 6) that the declarative schemas cannot express.
/// </content>
public static partial class StixRules
{
    /// <summary>email-addr value is an addr-spec and MUST NOT include the display name (section 6.5).</summary>
    public static readonly StixRule EmailAddrValue = Define("email-addr-value", Severity.Error, "6.5", "An email-addr value must be an addr-spec (local-part@domain) without the display name.");

    /// <summary>email-message body MUST NOT be used if is_multipart is true (section 6.6).</summary>
    public static readonly StixRule EmailMultipartBody = Define("email-multipart-body", Severity.Error, "6.6", "An email-message whose is_multipart is true must not have body (use body_multipart).");

    /// <summary>email-message body_multipart MUST NOT be used if is_multipart is false (section 6.6).</summary>
    public static readonly StixRule EmailSinglepartMimeParts = Define("email-singlepart-mime-parts", Severity.Error, "6.6", "An email-message whose is_multipart is false must not have body_multipart.");

    /// <summary>ipv4-addr value is an IPv4 address or CIDR block (section 6.8).</summary>
    public static readonly StixRule Ipv4AddrValue = Define("ipv4-addr-value", Severity.Error, "6.8", "An ipv4-addr value must be an IPv4 address in dotted-decimal form, optionally with a CIDR suffix /0 to /32.");

    /// <summary>ipv6-addr value is an IPv6 address or CIDR block (section 6.9).</summary>
    public static readonly StixRule Ipv6AddrValue = Define("ipv6-addr-value", Severity.Error, "6.9", "An ipv6-addr value must be an IPv6 address (RFC 4291 text form), optionally with a CIDR suffix /0 to /128.");

    /// <summary>mac-addr value is a colon-delimited, lowercase MAC-48 address with leading zeros (section 6.10).</summary>
    public static readonly StixRule MacAddrValue = Define("mac-addr-value", Severity.Error, "6.10", "A mac-addr value must be six colon-delimited lowercase two-digit hex octets, e.g. 00:00:ab:cd:ef:01.");

    /// <summary>domain-name value conforms to RFC 1034 and RFC 5890 (section 6.4).</summary>
    public static readonly StixRule DomainNameValue = Define("domain-name-value", Severity.Error, "6.4", "A domain-name value must be a domain name: dot-separated non-empty labels of at most 63 octets, at most 253 characters, no spaces or URL/address punctuation.");

    /// <summary>url value conforms to RFC 3986 (section 6.15).</summary>
    public static readonly StixRule UrlValue = Define("url-value", Severity.Error, "6.15", "A url value must be a URL per RFC 3986: a scheme followed by ':' and no whitespace or control characters.");

    /// <summary>network-traffic end is greater than or equal to start (section 6.12).</summary>
    public static readonly StixRule NetworkTrafficEndBeforeStart = Define("network-traffic-end-before-start", Severity.Error, "6.12", "A network-traffic end must be later than or equal to its start.");

    /// <summary>network-traffic end MUST NOT be included when is_active is true (section 6.12).</summary>
    public static readonly StixRule NetworkTrafficActiveEnd = Define("network-traffic-active-end", Severity.Error, "6.12", "A network-traffic whose is_active is true must not have end (is_active must be false when end is provided).");

    /// <summary>network-traffic protocol names are recommended to be lowercase (section 6.12).</summary>
    public static readonly StixRule NetworkTrafficProtocolCase = Define("network-traffic-protocol-case", Severity.Warning, "6.12", "Network-traffic protocol names should be lowercase, like the IANA service names.");

    /// <summary>network-traffic ipfix values MUST be integers or strings (section 6.12).</summary>
    public static readonly StixRule NetworkTrafficIpfixValue = Define("network-traffic-ipfix-value", Severity.Error, "6.12", "Each network-traffic ipfix dictionary value must be an integer or a string.");

    /// <summary>socket-ext option keys SHOULD be option names such as SO_ACCEPTCONN (section 6.12.4).</summary>
    public static readonly StixRule SocketOptionName = Define("socket-option-name", Severity.Warning, "6.12.4", "socket-ext options keys should be case-preserved socket option names (SO_, ICMP_, ICMP6_, IP_, IPV6_, MCAST_, TCP_ or IRLMP_ followed by uppercase words).");

    /// <summary>http-request-ext method and version are lowercase strings (section 6.12.2).</summary>
    public static readonly StixRule HttpRequestCase = Define("http-request-case", Severity.Warning, "6.12.2", "http-request-ext request_method and request_version are given as lowercase strings.");

    /// <summary>raster-image-ext exif_tags values MUST be integers or strings (section 6.7.5).</summary>
    public static readonly StixRule RasterImageExifValue = Define("raster-image-exif-value", Severity.Error, "6.7.5", "Each raster-image-ext exif_tags dictionary value must be an integer or a string.");

    /// <summary>windows-process-ext priority SHOULD end in _CLASS (section 6.13.2).</summary>
    public static readonly StixRule WindowsProcessPriority = Define("windows-process-priority", Severity.Warning, "6.13.2", "windows-process-ext priority should be a priority class name ending in _CLASS.");

    /// <summary>software cpe MUST be a CPE v2.3 entry (section 6.14).</summary>
    public static readonly StixRule SoftwareCpe = Define("software-cpe", Severity.Error, "6.14", "A software cpe must be a CPE 2.3 formatted string: cpe:2.3: followed by 11 colon-separated components.");

    /// <summary>software languages MUST be RFC 5646 language codes (section 6.14).</summary>
    public static readonly StixRule SoftwareLanguage = Define("software-language", Severity.Error, "6.14", "Each software language must be an RFC 5646 language tag (e.g. en, en-US, zh-Hant).");

    /// <summary>The registry key hive MUST be fully expanded, e.g. HKEY_LOCAL_MACHINE rather than HKLM (section 6.17).</summary>
    public static readonly StixRule WindowsRegistryKeyHive = Define("windows-registry-key-hive", Severity.Error, "6.17", "The hive of a windows-registry-key key must be fully expanded (HKEY_LOCAL_MACHINE, not HKLM).");
}
