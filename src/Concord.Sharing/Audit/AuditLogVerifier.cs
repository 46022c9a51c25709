// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;
using Concord.Sharing.Audit.Internal;
using NSec.Cryptography;

namespace Concord.Sharing.Audit;

/// <summary>
/// Verifies an audit log with nothing but its files and the node's public key: every entry's hash, the chain of
/// <c>prev</c> hashes, consecutive <c>seq</c>, every checkpoint's Ed25519 signature, the absence of a torn last line,
/// and that the log reaches the checkpoint <c>head.json</c> records (docs/audit.md, "Verifying").
/// </summary>
/// <remarks>Stateless and thread-safe. Reads the log as a stream; memory is bounded by the longest entry.</remarks>
public static class AuditLogVerifier
{
    /// <summary>Verifies the log in a directory (<see cref="AuditLog.LogFileName"/> and <see cref="AuditLog.HeadFileName"/>).</summary>
    /// <param name="directory">The log's directory.</param>
    /// <param name="publicKey">The node's Ed25519 public key.</param>
    /// <returns>The outcome; <see cref="AuditVerification.Violation"/> names the first bad entry.</returns>
    /// <exception cref="AuditLogException">A file exists but cannot be read.</exception>
    public static AuditVerification Verify(string directory, PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var path = Path.Combine(directory, AuditLog.LogFileName);
        var head = AuditHead.Read(Path.Combine(directory, AuditLog.HeadFileName));
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new AuditVerification { Violation = new AuditViolation(AuditRule.MissingLog, 0, null, $"{path} does not exist.") };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditLogException($"{path} cannot be read: {e.Message}", e);
        }

        using (stream)
        {
            return new Verification(publicKey, head).Run(stream);
        }
    }

    private sealed class Verification(PublicKey publicKey, AuditHead? head)
    {
        private readonly string expectedKey = Convert.ToBase64String(publicKey.Export(KeyBlobFormat.RawPublicKey));
        private long lines;
        private AuditEntry? last;
        private AuditEntry? lastCheckpoint;
        private long unsignedTail;
        private int recoveries;
        private string? hashAtHead;

        public AuditVerification Run(Stream stream)
        {
            foreach (var line in LogLines.Read(stream))
            {
                lines = line.Number;
                if (Check(line) is { } violation)
                {
                    return Result(violation);
                }
            }

            return Result(CheckEnd());
        }

        private AuditViolation? Check(LogLine line)
        {
            if (!line.Terminated)
            {
                return new AuditViolation(AuditRule.TornTail, line.Number, null, string.Create(CultureInfo.InvariantCulture,
                    $"the last line ({line.Bytes.Length} bytes) has no newline: a write was cut by a crash and the log has not been reopened since, or the file was cut"));
            }

            using var parsed = ParsedLine.Parse(line.Bytes);
            if (parsed.Entry is not { } entry)
            {
                return new AuditViolation(AuditRule.Malformed, line.Number, null, $"not an audit entry: {parsed.Error}");
            }

            var computed = AuditEntryCodec.ComputeHash(parsed.Document!.RootElement);
            if (computed != entry.Hash)
            {
                return Violation(AuditRule.HashMismatch, line, entry, $"the entry's content hashes to {computed}, not to its hash {entry.Hash}: the entry was edited");
            }

            var expectedPrev = last?.Hash ?? AuditEntry.GenesisHash;
            if (entry.Prev != expectedPrev)
            {
                return Violation(AuditRule.PrevMismatch, line, entry, last is null
                    ? "the first entry's prev is not 64 zeros: entries were deleted from the start of the log, or one was inserted before them"
                    : string.Create(CultureInfo.InvariantCulture, $"prev is not the hash of line {line.Number - 1} (seq {last.Seq}): an entry was deleted here, inserted here, or moved"));
            }

            var expectedSeq = (last?.Seq ?? 0) + 1;
            if (entry.Seq != expectedSeq)
            {
                return Violation(AuditRule.SeqGap, line, entry, string.Create(CultureInfo.InvariantCulture, $"seq should be {expectedSeq}: the chain was rebuilt after entries were removed or added"));
            }

            if (last is null && entry.Kind != AuditEntryKind.Checkpoint)
            {
                return Violation(AuditRule.MissingGenesisCheckpoint, line, entry, $"the first entry is a {entry.Kind.ToName()}, not the signed checkpoint a log starts with");
            }

            if (entry.Kind == AuditEntryKind.Checkpoint && CheckSignature(entry) is { } problem)
            {
                return Violation(AuditRule.BadCheckpointSignature, line, entry, problem);
            }

            last = entry;
            unsignedTail = entry.Kind == AuditEntryKind.Checkpoint ? 0 : unsignedTail + 1;
            lastCheckpoint = entry.Kind == AuditEntryKind.Checkpoint ? entry : lastCheckpoint;
            recoveries += entry.Kind == AuditEntryKind.Recovery ? 1 : 0;
            if (entry.Seq == head?.Seq)
            {
                hashAtHead = entry.Hash;
            }

            return null;
        }

        private string? CheckSignature(AuditEntry checkpoint)
        {
            var details = checkpoint.Details;
            if (details is not { } d
                || !d.TryGetProperty("signature", out var signatureElement) || signatureElement.ValueKind != JsonValueKind.String
                || !d.TryGetProperty("public_key", out var keyElement) || keyElement.ValueKind != JsonValueKind.String)
            {
                return "a checkpoint's details must hold the strings signature and public_key";
            }

            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(signatureElement.GetString()!);
            }
            catch (FormatException)
            {
                return "$.details.signature is not base64";
            }

            var message = AuditEntryCodec.CheckpointMessage(checkpoint.Seq - 1, checkpoint.Prev);
            if (SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature))
            {
                return null;
            }

            var signer = keyElement.GetString();
            return signer == expectedKey
                ? "the Ed25519 signature over the previous entry's seq and hash does not verify: the checkpoint was forged or the entries before it were rewritten"
                : $"the checkpoint names the key {signer}, and its signature does not verify with the key given ({expectedKey}): it was signed by another node, or forged";
        }

        private AuditViolation? CheckEnd()
        {
            if (last is null)
            {
                return new AuditViolation(AuditRule.MissingGenesisCheckpoint, 1, null, "the log is empty; a log starts with a signed checkpoint");
            }

            if (head is null)
            {
                return new AuditViolation(AuditRule.HeadMismatch, lines + 1, null, $"{AuditLog.HeadFileName} is missing, so entries cut off the end of the log cannot be detected");
            }

            if (head.Seq > last.Seq)
            {
                return new AuditViolation(AuditRule.Truncated, lines + 1, last.Seq + 1, string.Create(CultureInfo.InvariantCulture,
                    $"the log ends at seq {last.Seq} but {AuditLog.HeadFileName} records a checkpoint at seq {head.Seq}: entries from seq {last.Seq + 1} on were cut off"));
            }

            return hashAtHead == head.Hash
                ? null
                : new AuditViolation(AuditRule.HeadMismatch, head.Seq, head.Seq, $"{AuditLog.HeadFileName} records the hash {head.Hash} for seq {head.Seq}, but that entry's hash is {hashAtHead}");
        }

        private static AuditViolation Violation(AuditRule rule, LogLine line, AuditEntry entry, string message) => new(rule, line.Number, entry.Seq, message);

        private AuditVerification Result(AuditViolation? violation) => new()
        {
            Violation = violation,
            Entries = last?.Seq ?? 0,
            LastEntry = last,
            LastCheckpoint = lastCheckpoint,
            UnsignedTail = unsignedTail,
            Recoveries = recoveries,
        };
    }
}
