// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>A manifest-record (TAXII 2.1 section 5.3.1): metadata of one version of one object.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ManifestRecord
{
    /// <summary>The STIX id of the object.</summary>
    public required string Id { get; init; }

    /// <summary>When this version was added to the collection (TAXII timestamp, microsecond precision).</summary>
    public required string DateAdded { get; init; }

    /// <summary>The version: the object's <c>modified</c>, else its <c>created</c>, else a server-consistent value.</summary>
    public required string Version { get; init; }

    /// <summary>The media type this version can be requested in.</summary>
    public string? MediaType { get; init; }
}
