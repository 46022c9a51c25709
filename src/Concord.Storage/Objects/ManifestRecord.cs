// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>A TAXII manifest-record (section 5.3.1): metadata of one stored version, without its content.</summary>
/// <param name="Id">The object's <c>id</c>.</param>
/// <param name="Type">The object's <c>type</c>.</param>
/// <param name="Version">The version, as in <see cref="StoredObject.Version"/>.</param>
/// <param name="SpecVersion">The object's <c>spec_version</c>.</param>
/// <param name="DateAdded">When this version was added to the collection.</param>
public sealed record ManifestRecord(string Id, string Type, string Version, string SpecVersion, DateAdded DateAdded)
{
    /// <summary>The media type of this version: <c>application/stix+json;version=</c> and the spec version.</summary>
    public string MediaType => "application/stix+json;version=" + SpecVersion;
}
