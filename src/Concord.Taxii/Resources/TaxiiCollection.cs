// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The collection resource (TAXII 2.1 section 5.2.1), as seen by the requesting client.</summary>
/// <remarks>Immutable.</remarks>
public sealed record TaxiiCollection
{
    /// <summary>The collection's identifier (a version 4 UUID).</summary>
    public required string Id { get; init; }

    /// <summary>A human-readable title.</summary>
    public required string Title { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>A human-readable name unique within the API root.</summary>
    public string? Alias { get; init; }

    /// <summary>Whether the requester may get objects, manifests and versions.</summary>
    public required bool CanRead { get; init; }

    /// <summary>Whether the requester may add objects.</summary>
    public required bool CanWrite { get; init; }

    /// <summary>The media types of objects the collection stores; absent means <c>application/stix+json</c>.</summary>
    public IReadOnlyList<string>? MediaTypes { get; init; }
}
