// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;

namespace Concord.Sharing.Audit;

/// <summary>
/// What a component asks the audit log to record. The log adds the sequence number, time, previous hash and hash and
/// returns the resulting <see cref="AuditEntry"/>.
/// </summary>
/// <param name="Kind">
/// What happened. <see cref="AuditEntryKind.Checkpoint"/> and <see cref="AuditEntryKind.Recovery"/> are written by the
/// log itself and cannot be appended.
/// </param>
/// <remarks>
/// A disclosure of a page of 1,000 objects is one event listing 1,000 <see cref="Objects"/>, not 1,000 events.
/// <see cref="Details"/> is serialized when the event is appended; changing the node afterwards has no effect on the entry.
/// </remarks>
public sealed record AuditEvent(AuditEntryKind Kind)
{
    /// <summary>Who acted (the user, token or peer behind the request); null when nobody did.</summary>
    public AuditActor? Actor { get; init; }

    /// <summary>The organization the entry concerns (see <see cref="AuditOrganization"/> for which one per kind).</summary>
    public AuditOrganization? Organization { get; init; }

    /// <summary>The channel (<see cref="AuditChannels"/>), e.g. <c>taxii</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The object versions concerned, in the order they were received or disclosed.</summary>
    public IReadOnlyList<AuditObjectRef> Objects { get; init; } = [];

    /// <summary>Why: for a denial the policy rule that denied, for a redaction what was removed and why, for a refused signature the check that failed.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Anything else worth keeping, as a JSON object: for example the collection id and TAXII status id of an ingest, the
    /// endpoint and filter of a disclosure, the agreement that allowed it, the old and new values of a policy change.
    /// Never put secrets (passwords, tokens) here: the log is meant to be handed to others.
    /// </summary>
    public JsonObject? Details { get; init; }
}
