// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>What an audit entry records. Each kind has a fixed wire name (the entry's <c>kind</c>), see <see cref="AuditEntryKinds"/>.</summary>
/// <remarks>
/// New kinds may be added; existing names never change, because they are part of every hashed entry (docs/audit.md).
/// </remarks>
public enum AuditEntryKind
{
    /// <summary><c>ingest</c>: an organization added object versions to a collection (TAXII POST, import, federation pull), with the outcome of each.</summary>
    Ingest,

    /// <summary><c>disclosure</c>: a recipient organization received these object versions through a channel (one entry per page or export, not per object).</summary>
    Disclosure,

    /// <summary><c>denial</c>: the policy decision point withheld these object versions from a recipient; <see cref="AuditEvent.Reason"/> says why.</summary>
    Denial,

    /// <summary><c>redaction</c>: properties of these object versions were removed before disclosure (granular markings, personal data); each reference lists the removed paths.</summary>
    Redaction,

    /// <summary><c>policy-change</c>: an organization, user, token, collection, grant, working group or agreement was created, changed or removed.</summary>
    PolicyChange,

    /// <summary><c>signature-refused</c>: content arriving from a peer carried a missing or bad signature and was refused.</summary>
    SignatureRefused,

    /// <summary><c>checkpoint</c>: written by the log itself; carries the node's Ed25519 signature over the sequence number and hash of the entry before it.</summary>
    Checkpoint,

    /// <summary><c>recovery</c>: written by the log itself when, on opening, it found and cut off a torn last line left by a crash.</summary>
    Recovery,
}
