// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Domain Name: the name assigned to a network domain (section 6.4.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class DomainName(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>domain-name</c> (section 6.4.1).</summary>
    public const string TypeName = "domain-name";

    /// <summary><c>value</c> (required): Specifies the value of the domain name (section 6.4.1).</summary>
    public string? Value => GetString("value");

    /// <summary><c>resolves_to_refs</c>: Specifies a list of references to one or more IP addresses or domain names that the domain name resolves to (section 6.4.1).</summary>
    public IReadOnlyList<string> ResolvesToRefs => GetStrings("resolves_to_refs");
}
