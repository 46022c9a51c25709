// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>
/// The node's append-only, hash-chained audit log (DESIGN.md principle 4): every ingest, disclosure, denial, redaction,
/// policy change and refused signature is recorded through it.
/// </summary>
/// <remarks>
/// <para>
/// Contract for implementers: appends from any number of threads are put in one total order; the returned task
/// completes only when the entry is durable (written and flushed to stable storage), so a caller may acknowledge what it
/// records only after awaiting it (an ingest is acknowledged after its audit entry is durable). If the entry cannot be
/// made durable the task faults with <see cref="AuditLogException"/> and the caller must fail its operation.
/// </para>
/// <para>
/// Cancellation only stops the wait: once <see cref="AppendAsync"/> has returned, the entry will be written whatever
/// happens to the token, because an audit entry for an action that did happen must not be lost.
/// </para>
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends an entry and waits until it is durable.</summary>
    /// <param name="auditEvent">What to record.</param>
    /// <param name="cancellationToken">Stops the wait (not the write).</param>
    /// <returns>The entry as written, with its sequence number and hash.</returns>
    /// <exception cref="ArgumentException">The kind is <see cref="AuditEntryKind.Checkpoint"/> or <see cref="AuditEntryKind.Recovery"/>, which only the log writes.</exception>
    /// <exception cref="ObjectDisposedException">The log is closed.</exception>
    /// <exception cref="AuditLogException">The entry could not be written.</exception>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
