// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The ICMP extension (<c>icmp-ext</c>) of network traffic (section 6.12.3).</summary>
/// <param name="json">The JSON object.</param>
public sealed class IcmpExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.12.3).</summary>
    public const string ExtensionName = "icmp-ext";

    /// <summary><c>icmp_type_hex</c> (required): Specifies the ICMP type byte (section 6.12.3).</summary>
    public string? IcmpTypeHex => GetString("icmp_type_hex");

    /// <summary><c>icmp_code_hex</c> (required): Specifies the ICMP code byte (section 6.12.3).</summary>
    public string? IcmpCodeHex => GetString("icmp_code_hex");
}
