// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Collections;

/// <summary>A TAXII collection (section 5.2.1) as stored. Who may read or write it is in <see cref="Accounts.CollectionGrant"/>.</summary>
/// <param name="Id">The collection's identifier (a UUID).</param>
/// <param name="ApiRoot">The name of the API root the collection belongs to (the URL segment, for example <c>api1</c>).</param>
/// <param name="Title">A human-readable title.</param>
/// <remarks>Immutable.</remarks>
public sealed record CollectionInfo(Guid Id, string ApiRoot, string Title)
{
    /// <summary>A human-readable description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>An alias unique within the API root, or null.</summary>
    public string? Alias { get; init; }

    /// <summary>The media types of the objects served (section 5.2.1); by default STIX 2.1.</summary>
    public IReadOnlyList<string> MediaTypes { get; init; } = ["application/stix+json;version=2.1"];

    /// <summary>The organization that owns the collection, or null when owned by the node (for example a working group's).</summary>
    public Guid? OwnerOrganizationId { get; init; }
}
