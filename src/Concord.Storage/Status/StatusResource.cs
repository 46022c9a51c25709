// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;

namespace Concord.Storage.Status;

/// <summary>A TAXII status resource (section 4.3.1) about one POST to a collection.</summary>
/// <param name="Id">The status identifier.</param>
/// <param name="ApiRoot">The API root the status belongs to.</param>
/// <param name="Status">"complete" or "pending".</param>
/// <remarks>
/// The counts are stored as given: <see cref="TotalCount"/>, <see cref="SuccessCount"/>,
/// <see cref="FailureCount"/> and <see cref="PendingCount"/> need not equal the list lengths (the lists are optional in TAXII). Immutable.
/// </remarks>
public sealed record StatusResource(Guid Id, string ApiRoot, string Status)
{
    /// <summary>The value of <see cref="Status"/> for a finished request.</summary>
    public const string Complete = "complete";

    /// <summary>The value of <see cref="Status"/> for a request still being processed.</summary>
    public const string Pending = "pending";

    /// <summary>The organization whose request this is (only it may read the status), or null.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>The collection the request wrote to, or null.</summary>
    public Guid? CollectionId { get; init; }

    /// <summary>When the request was made.</summary>
    public StixTimestamp? RequestTimestamp { get; init; }

    /// <summary>The number of objects in the request.</summary>
    public int TotalCount { get; init; }

    /// <summary>The number of objects added (or already present).</summary>
    public int SuccessCount { get; init; }

    /// <summary>The number of objects refused.</summary>
    public int FailureCount { get; init; }

    /// <summary>The number of objects not yet processed.</summary>
    public int PendingCount { get; init; }

    /// <summary>The objects added, in request order.</summary>
    public IReadOnlyList<StatusDetail> Successes { get; init; } = [];

    /// <summary>The objects refused, with the reason, in request order.</summary>
    public IReadOnlyList<StatusDetail> Failures { get; init; } = [];

    /// <summary>The objects still pending, in request order.</summary>
    public IReadOnlyList<StatusDetail> Pendings { get; init; } = [];
}
