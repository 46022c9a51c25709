// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Sharing.Audit;

/// <summary>
/// One entry of the audit log, as written: one line of <c>audit/audit.jsonl</c>. docs/audit.md specifies the encoding.
/// </summary>
/// <remarks>
/// <see cref="Hash"/> is the lower-case hexadecimal SHA-256 of the RFC 8785 (JCS) canonical form of the entry's JSON
/// object without its <c>hash</c> member; <see cref="Prev"/> is the previous entry's <see cref="Hash"/> (64 zeros for the
/// first entry). Immutable.
/// </remarks>
public sealed record AuditEntry
{
    /// <summary>The 64 zeros that the first entry's <see cref="Prev"/> holds.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The sequence number: 1 for the first entry, then one more for each entry.</summary>
    public required long Seq { get; init; }

    /// <summary>When the log wrote the entry (UTC, microseconds). Informative: the order of the log is <see cref="Seq"/>.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>What the entry records.</summary>
    public required AuditEntryKind Kind { get; init; }

    /// <summary>Who acted, when someone did.</summary>
    public AuditActor? Actor { get; init; }

    /// <summary>The organization the entry concerns.</summary>
    public AuditOrganization? Organization { get; init; }

    /// <summary>The channel, e.g. <c>taxii</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The object versions concerned.</summary>
    public IReadOnlyList<AuditObjectRef> Objects { get; init; } = [];

    /// <summary>Why, when the kind has a reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The details object, when there is one.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>The previous entry's hash.</summary>
    public required string Prev { get; init; }

    /// <summary>This entry's hash.</summary>
    public required string Hash { get; init; }
}
