// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The TCP extension (<c>tcp-ext</c>) of network traffic (section 6.12.5).</summary>
/// <param name="json">The JSON object.</param>
public sealed class TcpExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.12.5).</summary>
    public const string ExtensionName = "tcp-ext";

    /// <summary>The <c>src_flags_hex</c> property (section 6.12.5).</summary>
    public string? SrcFlagsHex => GetString("src_flags_hex");

    /// <summary>The <c>dst_flags_hex</c> property (section 6.12.5).</summary>
    public string? DstFlagsHex => GetString("dst_flags_hex");
}
