// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>The rules <see cref="AuditLogVerifier"/> checks; a failed one is reported with the line and seq it failed at.</summary>
public enum AuditRule
{
    /// <summary>There is no log file.</summary>
    MissingLog,

    /// <summary>A line is not JSON, or not an entry (a member is missing, unknown or of the wrong type).</summary>
    Malformed,

    /// <summary>An entry's content does not hash to its <c>hash</c>: the entry was edited.</summary>
    HashMismatch,

    /// <summary>An entry's <c>prev</c> is not the hash of the line before it: an entry was deleted, inserted or moved.</summary>
    PrevMismatch,

    /// <summary>An entry's <c>seq</c> is not one more than the line before it (or 1 on the first line).</summary>
    SeqGap,

    /// <summary>The first entry is not a checkpoint, so nothing ties the log to the node's key from its start.</summary>
    MissingGenesisCheckpoint,

    /// <summary>A checkpoint's signature does not verify with the node's public key (forged, or signed by another key).</summary>
    BadCheckpointSignature,

    /// <summary>The last line has no newline: a crash cut it and no <c>recovery</c> entry records that yet.</summary>
    TornTail,

    /// <summary>The log ends before the checkpoint <c>head.json</c> records: entries were cut off its end.</summary>
    Truncated,

    /// <summary><c>head.json</c> is missing or does not match the entry it names.</summary>
    HeadMismatch,
}
