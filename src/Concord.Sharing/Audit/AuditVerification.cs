// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace Concord.Sharing.Audit;

/// <summary>The outcome of <see cref="AuditLogVerifier.Verify(string, NSec.Cryptography.PublicKey)"/>. Immutable.</summary>
public sealed record AuditVerification
{
    /// <summary>Whether every rule held.</summary>
    public bool IsValid => Violation is null;

    /// <summary>The first rule broken, or null.</summary>
    public AuditViolation? Violation { get; init; }

    /// <summary>The number of entries checked (all of them when the log is valid; those before the violation otherwise).</summary>
    public long Entries { get; init; }

    /// <summary>The last valid entry, or null when there is none.</summary>
    public AuditEntry? LastEntry { get; init; }

    /// <summary>The last checkpoint whose signature verified, or null.</summary>
    public AuditEntry? LastCheckpoint { get; init; }

    /// <summary>
    /// The entries after <see cref="LastCheckpoint"/>: chained but not yet signed. Entries cut off this tail cannot be
    /// detected until the next checkpoint is written; a log closed cleanly has none.
    /// </summary>
    public long UnsignedTail { get; init; }

    /// <summary>The number of <c>recovery</c> entries: torn last lines cut off after crashes.</summary>
    public int Recoveries { get; init; }
}

/// <summary>A broken rule, located.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Line">The 1-based line of the log file where it was found (one past the last line for what is missing at the end).</param>
/// <param name="Seq">The seq of the entry on that line when it could be read, or the seq that is missing.</param>
/// <param name="Message">What is wrong, and what it means (edited, deleted, inserted, reordered, forged).</param>
public sealed record AuditViolation(AuditRule Rule, long Line, long? Seq, string Message)
{
    /// <summary>The violation as one line: <c>line 12 (seq 12): [HashMismatch] …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Seq is { } seq
            ? string.Create(CultureInfo.InvariantCulture, $"line {Line} (seq {seq}): [{Rule}] {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"line {Line}: [{Rule}] {Message}");
}
