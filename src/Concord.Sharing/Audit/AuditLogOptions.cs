// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using NSec.Cryptography;

namespace Concord.Sharing.Audit;

/// <summary>How <see cref="AuditLog.OpenAsync"/> opens a log. Immutable once built.</summary>
public sealed record AuditLogOptions
{
    /// <summary>The log's directory (a node keeps it in <c>audit/</c> of its data directory); created when missing.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// The node's Ed25519 private key, which signs checkpoints. The log uses it until disposed and does not dispose it.
    /// </summary>
    public required Key SigningKey { get; init; }

    /// <summary>The node's name in the entries the log writes itself (its STIX identity id).</summary>
    public required string NodeId { get; init; }

    /// <summary>A checkpoint follows every this many entries (default 1,000; at least 1).</summary>
    public int CheckpointEntries { get; init; } = 1000;

    /// <summary>A checkpoint is written this often when entries were appended since the last one (default 60 s); zero disables it.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for entry times and the checkpoint timer.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
