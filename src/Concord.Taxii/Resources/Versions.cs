// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The versions resource (TAXII 2.1 section 5.8.1).</summary>
/// <remarks>Immutable. <see cref="Next"/> is a custom property (section 7) carrying the paging value.</remarks>
public sealed record Versions
{
    /// <summary>Whether more versions match the query; absent means false.</summary>
    public bool? More { get; init; }

    /// <summary>The opaque value to pass as <c>next</c> to get the following page.</summary>
    public string? Next { get; init; }

    /// <summary>The versions, oldest added first; omitted when there are none.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("versions")]
    public IReadOnlyList<string>? Items { get; init; }
}
