// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The collections resource (TAXII 2.1 section 5.1.1); <see cref="Collections"/> is omitted when empty.</summary>
/// <remarks>Immutable.</remarks>
public sealed record TaxiiCollections
{
    /// <summary>The collections the requester can see, in a stable order.</summary>
    public IReadOnlyList<TaxiiCollection>? Collections { get; init; }
}
