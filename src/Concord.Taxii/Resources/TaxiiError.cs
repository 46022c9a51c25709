// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Taxii.Resources;

/// <summary>The error message resource (TAXII 2.1 section 3.6.1), sent with every error status.</summary>
/// <remarks>Immutable. All properties are application-specific; only <see cref="Title"/> is required.</remarks>
public sealed record TaxiiError
{
    /// <summary>A human-readable title (required).</summary>
    public required string Title { get; init; }

    /// <summary>A human-readable description of what went wrong.</summary>
    public string? Description { get; init; }

    /// <summary>An identifier of this occurrence, for correlating with server logs.</summary>
    public string? ErrorId { get; init; }

    /// <summary>An application-specific code of this kind of error.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The HTTP status, as a string; matches the response's status line.</summary>
    public string? HttpStatus { get; init; }

    /// <summary>A URL with more details.</summary>
    public string? ExternalDetails { get; init; }

    /// <summary>Server-specific structured details.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Details { get; init; }
}
