// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An IPv6 Address: one or more IPv6 addresses expressed using CIDR notation (section 6.9.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Ipv6Address(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>ipv6-addr</c> (section 6.9.1).</summary>
    public const string TypeName = "ipv6-addr";

    /// <summary><c>value</c> (required): Specifies the values of one or more IPv6 addresses expressed using CIDR notation (section 6.9.1).</summary>
    public string? Value => GetString("value");

    /// <summary><c>resolves_to_refs</c>: Specifies a list of references to one or more Layer 2 Media Access Control (MAC) addresses that the IPv4 address resolves to (section 6.9.1).</summary>
    public IReadOnlyList<string> ResolvesToRefs => GetStrings("resolves_to_refs");

    /// <summary><c>belongs_to_refs</c>: Specifies a list of references to one or more autonomous systems (AS) that the IPv6 address belongs to (section 6.9.1).</summary>
    public IReadOnlyList<string> BelongsToRefs => GetStrings("belongs_to_refs");
}
