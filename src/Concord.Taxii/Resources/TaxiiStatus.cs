// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The status resource (TAXII 2.1 section 4.3.1): the outcome of an Add Objects request.</summary>
/// <remarks>Immutable.</remarks>
public sealed record TaxiiStatus
{
    /// <summary>The value of <see cref="Status"/> once the request is fully processed.</summary>
    public const string Complete = "complete";

    /// <summary>The value of <see cref="Status"/> while objects remain to be processed.</summary>
    public const string Pending = "pending";

    /// <summary>The status identifier (a version 4 UUID).</summary>
    public required string Id { get; init; }

    /// <summary><see cref="Complete"/> or <see cref="Pending"/>.</summary>
    public required string Status { get; init; }

    /// <summary>When the request was made (TAXII timestamp).</summary>
    public string? RequestTimestamp { get; init; }

    /// <summary>The number of objects in the request.</summary>
    public required long TotalCount { get; init; }

    /// <summary>The number of objects added.</summary>
    public required long SuccessCount { get; init; }

    /// <summary>The objects added.</summary>
    public IReadOnlyList<StatusDetails>? Successes { get; init; }

    /// <summary>The number of objects refused.</summary>
    public required long FailureCount { get; init; }

    /// <summary>The objects refused, each with the reason.</summary>
    public IReadOnlyList<StatusDetails>? Failures { get; init; }

    /// <summary>The number of objects not yet processed.</summary>
    public required long PendingCount { get; init; }

    /// <summary>The objects not yet processed.</summary>
    public IReadOnlyList<StatusDetails>? Pendings { get; init; }

    /// <summary>Whether the request is fully processed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsComplete => string.Equals(Status, Complete, StringComparison.Ordinal);
}
