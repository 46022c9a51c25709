// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>An external reference: a pointer to information represented outside of STIX (section 2.5).</summary>
/// <param name="json">The JSON object.</param>
public sealed class ExternalReference(JsonElement json) : StixElement(json)
{
    /// <summary><c>source_name</c> (required): the name of the source the reference is defined within (section 2.5.1).</summary>
    public string? SourceName => GetString("source_name");

    /// <summary><c>description</c>: a human readable description (section 2.5.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>url</c>: a URL reference to an external resource (section 2.5.1).</summary>
    public string? Url => GetString("url");

    /// <summary><c>hashes</c>: hashes of the contents of the <c>url</c> (section 2.5.1).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");

    /// <summary><c>external_id</c>: an identifier for the external reference content (section 2.5.1).</summary>
    public string? ExternalId => GetString("external_id");
}
