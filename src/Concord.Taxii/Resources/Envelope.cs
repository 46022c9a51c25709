// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Taxii.Resources;

/// <summary>The envelope resource (TAXII 2.1 section 3.7): a page of STIX objects.</summary>
/// <remarks>Immutable. The objects are kept as JSON so that unknown and custom properties round-trip.</remarks>
public sealed record Envelope
{
    /// <summary>Whether more content matches the query; absent means false.</summary>
    public bool? More { get; init; }

    /// <summary>The opaque value to pass as <c>next</c> to get the following page.</summary>
    public string? Next { get; init; }

    /// <summary>The STIX objects; omitted when there are none.</summary>
    public IReadOnlyList<JsonElement>? Objects { get; init; }
}
