// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The api-root resource (TAXII 2.1 section 4.2.1).</summary>
/// <remarks>Immutable.</remarks>
public sealed record ApiRoot
{
    /// <summary>A human-readable name of the API root (required).</summary>
    public required string Title { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>The TAXII media types with version this root supports; includes <see cref="TaxiiMediaTypes.Taxii21"/>.</summary>
    public required IReadOnlyList<string> Versions { get; init; }

    /// <summary>The largest request body, in octets, the server accepts; larger ones get HTTP 413.</summary>
    public required long MaxContentLength { get; init; }
}
