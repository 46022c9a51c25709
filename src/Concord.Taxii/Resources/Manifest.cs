// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The manifest resource (TAXII 2.1 section 5.3.1).</summary>
/// <remarks>Immutable. <see cref="Next"/> is a custom property (section 7) carrying the same paging value as an envelope's.</remarks>
public sealed record Manifest
{
    /// <summary>Whether more records match the query; absent means false.</summary>
    public bool? More { get; init; }

    /// <summary>The opaque value to pass as <c>next</c> to get the following page.</summary>
    public string? Next { get; init; }

    /// <summary>The records; omitted when there are none.</summary>
    public IReadOnlyList<ManifestRecord>? Objects { get; init; }
}
