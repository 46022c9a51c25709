// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A MAC Address: a single Media Access Control address (section 6.10.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class MacAddress(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>mac-addr</c> (section 6.10.1).</summary>
    public const string TypeName = "mac-addr";

    /// <summary><c>value</c> (required): Specifies the value of a single MAC address (section 6.10.1).</summary>
    public string? Value => GetString("value");
}
