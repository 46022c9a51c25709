// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Concord.Sharing.Audit;

namespace Concord.Testing;

/// <summary>
/// An <see cref="IAuditLog"/> that keeps the events it is given, in order, for tests that check what a component
/// records (not how the log chains and stores entries: the audit log's own tests do that).
/// </summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEvent> events = new();
    private long seq;

    /// <summary>The events appended so far, in order.</summary>
    public IReadOnlyList<AuditEvent> Events => [.. events];

    /// <summary>The events of one kind.</summary>
    public IReadOnlyList<AuditEvent> OfKind(AuditEntryKind kind) => [.. events.Where(e => e.Kind == kind)];

    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (auditEvent.Kind is AuditEntryKind.Checkpoint or AuditEntryKind.Recovery)
        {
            throw new ArgumentException("Only the log writes checkpoints and recoveries.", nameof(auditEvent));
        }

        events.Enqueue(auditEvent);
        var number = Interlocked.Increment(ref seq);
        return Task.FromResult(new AuditEntry
        {
            Seq = number,
            Time = DateTimeOffset.UtcNow,
            Kind = auditEvent.Kind,
            Actor = auditEvent.Actor,
            Organization = auditEvent.Organization,
            Channel = auditEvent.Channel,
            Objects = auditEvent.Objects,
            Reason = auditEvent.Reason,
            Prev = AuditEntry.GenesisHash,
            Hash = AuditEntry.GenesisHash,
        });
    }
}
