// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;

namespace Concord.Sharing.Audit;

/// <summary>The wire names of <see cref="AuditEntryKind"/> (the <c>kind</c> member of an entry).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class AuditEntryKinds
{
    private static readonly string[] Names =
    [
        "ingest", "disclosure", "denial", "redaction", "policy-change", "signature-refused", "checkpoint", "recovery",
    ];

    /// <summary>Every kind's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, e.g. <c>policy-change</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public static string ToName(this AuditEntryKind kind) =>
        (uint)kind < (uint)Names.Length ? Names[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an audit entry kind.");

    /// <summary>The kind with this wire name (compared ordinally).</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="kind">The kind, when found.</param>
    /// <returns>Whether the name is a kind.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out AuditEntryKind? kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? null : (AuditEntryKind)index;
        return index >= 0;
    }
}
