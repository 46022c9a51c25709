// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The discovery resource (TAXII 2.1 section 4.1.1): the server's title and the API roots it advertises.</summary>
/// <remarks>Immutable.</remarks>
public sealed record Discovery
{
    /// <summary>A human-readable name of the server (required).</summary>
    public required string Title { get; init; }

    /// <summary>A human-readable description of the server.</summary>
    public string? Description { get; init; }

    /// <summary>Contact information for the server or its administrator.</summary>
    public string? Contact { get; init; }

    /// <summary>The default API root; when present it is one of <see cref="ApiRoots"/>.</summary>
    public string? Default { get; init; }

    /// <summary>The URLs of the advertised API roots (absolute HTTPS or relative starting with a single <c>/</c>).</summary>
    public IReadOnlyList<string>? ApiRoots { get; init; }
}
