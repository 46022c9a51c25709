// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Concord.Sharing.Audit.Internal;
using NSec.Cryptography;

namespace Concord.Sharing.Audit;

/// <summary>
/// The audit log of a node: an append-only JSON-lines file (<c>audit.jsonl</c>) whose entries are hash-chained with
/// SHA-256 and regularly checkpointed with the node's Ed25519 signature; <c>head.json</c> beside it records the last
/// checkpoint. docs/audit.md specifies the format for independent verifiers.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. One writer task owns the file: appends from all threads queue up, and each batch the writer takes is
/// written with one write and one flush to stable storage (group commit) before the appends in it complete.
/// </para>
/// <para>
/// A checkpoint is written when the log is created, after every <see cref="AuditLogOptions.CheckpointEntries"/> entries,
/// every <see cref="AuditLogOptions.CheckpointInterval"/> when entries were added, and when the log is disposed, so a
/// log closed cleanly ends with a checkpoint.
/// </para>
/// <para>
/// Opening a log whose last line is torn (a crash during a write) cuts that line off and records it in a
/// <see cref="AuditEntryKind.Recovery"/> entry. Opening refuses a log whose last complete entry is damaged, or that ends
/// before the checkpoint <c>head.json</c> records: those need <see cref="AuditLogVerifier"/> and a person, not a silent repair.
/// </para>
/// <para>If a write fails, the log stops: that append and every later one fault with <see cref="AuditLogException"/>.</para>
/// </remarks>
public sealed class AuditLog : IAuditLog, IAsyncDisposable
{
    /// <summary>The log file's name in the log directory.</summary>
    public const string LogFileName = "audit.jsonl";

    /// <summary>The name of the file recording the last checkpoint's sequence number and hash.</summary>
    public const string HeadFileName = "head.json";

    /// <summary>The name of the file a writing process holds locked, so that two processes never write one log.</summary>
    public const string LockFileName = "audit.lock";

    private const int MaxBatchEntries = 4096;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditLogOptions options;
    private readonly FileStream lockFile;
    private readonly FileStream file;
    private readonly string path;
    private readonly string headPath;
    private readonly string publicKey;
    private readonly ITimer? timer;
    private readonly Task writer;
    private long lastSeq;
    private string lastHash;
    private int sinceCheckpoint;
    private long lastCheckpointSeq;
    private string lastCheckpointHash = AuditEntry.GenesisHash;
    private volatile Exception? failure;
    private int disposed;

    private AuditLog(AuditLogOptions options, FileStream lockFile, FileStream file, long lastSeq, string lastHash)
    {
        this.options = options;
        this.lockFile = lockFile;
        this.file = file;
        path = file.Name;
        headPath = Path.Combine(options.Directory, HeadFileName);
        publicKey = Convert.ToBase64String(options.SigningKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
        writer = Task.Run(WriteLoopAsync);
        if (options.CheckpointInterval > TimeSpan.Zero)
        {
            timer = options.Time.CreateTimer(_ => queue.Writer.TryWrite(Pending.TimedCheckpoint), null, options.CheckpointInterval, options.CheckpointInterval);
        }
    }

    /// <summary>The path of the log file.</summary>
    public string FilePath => path;

    /// <summary>
    /// Opens the log in <see cref="AuditLogOptions.Directory"/>, creating it (with a first, signed checkpoint) when it
    /// does not exist, and recovering a torn last line (recorded in a <see cref="AuditEntryKind.Recovery"/> entry).
    /// </summary>
    /// <param name="options">Where the log is and the key that signs it.</param>
    /// <param name="cancellationToken">Stops the wait for the first entries (not their writing).</param>
    /// <returns>The open log; dispose it to write the final checkpoint and close the file.</returns>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or a setting is out of range.</exception>
    /// <exception cref="AuditLogException">The log is in use by another process, damaged, or shorter than its head says; the message names the file.</exception>
    public static async Task<AuditLog> OpenAsync(AuditLogOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SigningKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The audit log's signing key must be an Ed25519 key.", nameof(options));
        }

        if (options.CheckpointEntries < 1 || options.CheckpointInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("CheckpointEntries must be at least 1 and CheckpointInterval not negative.", nameof(options));
        }

        Directory.CreateDirectory(options.Directory);
        var lockPath = Path.Combine(options.Directory, LockFileName);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new AuditLogException($"The audit log in {options.Directory} is in use by another process ({lockPath} is locked).", e);
        }

        AuditLog log;
        Recovered? recovered;
        try
        {
            var file = new FileStream(Path.Combine(options.Directory, LogFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            try
            {
                (var seq, var hash, recovered) = ReadTail(file, Path.Combine(options.Directory, HeadFileName));
                log = new AuditLog(options, lockFile, file, seq, hash);
            }
            catch
            {
                await file.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await lockFile.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        try
        {
            if (log.lastSeq == 0)
            {
                await log.Enqueue(Pending.Genesis()).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (recovered is { } r)
            {
                var details = new JsonObject
                {
                    ["offset"] = r.Offset,
                    ["bytes"] = r.Length,
                    ["sha256"] = r.Sha256,
                };
                var recovery = new AuditEvent(AuditEntryKind.Recovery)
                {
                    Actor = AuditActor.Node(options.NodeId),
                    Reason = string.Create(CultureInfo.InvariantCulture, $"a torn last line ({r.Length} bytes at offset {r.Offset}) was cut off when the log was opened"),
                    Details = details,
                };
                await log.Enqueue(new Pending(AuditEntryCodec.Encode(recovery), false)).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return log;
    }

    /// <inheritdoc/>
    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (auditEvent.Kind is AuditEntryKind.Checkpoint or AuditEntryKind.Recovery)
        {
            throw new ArgumentException($"Only the audit log writes {auditEvent.Kind.ToName()} entries.", nameof(auditEvent));
        }

        return Enqueue(new Pending(AuditEntryCodec.Encode(auditEvent), false)).WaitAsync(cancellationToken);
    }

    /// <summary>Writes the pending entries and a final checkpoint, then closes the file.</summary>
    /// <returns>A task that completes when the log is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await file.DisposeAsync().ConfigureAwait(false);
        await lockFile.DisposeAsync().ConfigureAwait(false);
    }

    private Task<AuditEntry> Enqueue(Pending pending)
    {
        if (failure is { } e)
        {
            throw new AuditLogException($"The audit log {path} stopped after a failed write: {e.Message}", e);
        }

        return queue.Writer.TryWrite(pending) ? pending.Completion!.Task : throw new ObjectDisposedException(nameof(AuditLog));
    }

    /// <summary>
    /// Finds the last complete entry (its seq and hash, checked) and a torn tail after it, which it cuts off; refuses a log
    /// that ends before the checkpoint the head records.
    /// </summary>
    private static (long Seq, string Hash, Recovered? Torn) ReadTail(FileStream file, string headPath)
    {
        long lastOffset = -1, lastLength = 0, lines = 0;
        Recovered? torn = null;
        foreach (var line in LogLines.Read(file))
        {
            if (line.Terminated)
            {
                (lastOffset, lastLength, lines) = (line.Offset, line.Bytes.Length, line.Number);
            }
            else
            {
                torn = new Recovered(line.Offset, line.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(line.Bytes.Span)));
            }
        }

        long seq = 0;
        var hash = AuditEntry.GenesisHash;
        if (lastOffset >= 0)
        {
            var bytes = new byte[lastLength];
            file.Position = lastOffset;
            file.ReadExactly(bytes);
            var entry = ReadChecked(bytes, out var error)
                ?? throw new AuditLogException($"{file.Name} line {lines}: the last entry is damaged ({error}); run 'concord audit verify'.");
            (seq, hash) = (entry.Seq, entry.Hash);
        }

        if (AuditHead.Read(headPath) is { } head && head.Seq > seq)
        {
            throw new AuditLogException(
                $"{file.Name} ends at seq {seq} but {headPath} records a checkpoint at seq {head.Seq}: entries were removed; run 'concord audit verify'.");
        }

        if (torn is { } t)
        {
            file.SetLength(t.Offset);
            file.Flush(flushToDisk: true);
        }

        file.Position = file.Length;
        return (seq, hash, torn);
    }

    private static AuditEntry? ReadChecked(byte[] line, out string? error)
    {
        using var parsed = ParsedLine.Parse(line);
        error = parsed.Error;
        if (parsed.Entry is { } entry && AuditEntryCodec.ComputeHash(parsed.Document!.RootElement) != entry.Hash)
        {
            error = "its hash does not match its content";
            return null;
        }

        return parsed.Entry;
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var batch = new List<(Pending Pending, AuditEntry Entry)>();
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            batch.Clear();
            var checkpointed = false;
            while (batch.Count < MaxBatchEntries && reader.TryRead(out var pending))
            {
                if (failure is not null)
                {
                    pending.Completion?.TrySetException(new AuditLogException($"The audit log {path} stopped after a failed write: {failure.Message}", failure));
                    continue;
                }

                if (pending.Event is { } encoded)
                {
                    batch.Add((pending, Seal(encoded, buffer)));
                    if (++sinceCheckpoint >= options.CheckpointEntries)
                    {
                        WriteCheckpoint(buffer);
                        checkpointed = true;
                    }
                }
                else if (pending.Force || sinceCheckpoint > 0)
                {
                    var checkpoint = WriteCheckpoint(buffer);
                    checkpointed = true;
                    if (pending.Completion is not null)
                    {
                        batch.Add((pending, checkpoint));
                    }
                }
            }

            Commit(buffer, batch, checkpointed);
        }

        if (failure is null && sinceCheckpoint > 0)
        {
            buffer.ResetWrittenCount();
            batch.Clear();
            WriteCheckpoint(buffer);
            Commit(buffer, batch, checkpointed: true);
        }
    }

    private void Commit(ArrayBufferWriter<byte> buffer, List<(Pending Pending, AuditEntry Entry)> batch, bool checkpointed)
    {
        if (buffer.WrittenCount == 0)
        {
            return;
        }

        try
        {
            file.Write(buffer.WrittenSpan);
            file.Flush(flushToDisk: true);
            if (checkpointed)
            {
                AuditHead.Write(headPath, lastCheckpointSeq, lastCheckpointHash);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = e;
            foreach (var (pending, _) in batch)
            {
                pending.Completion!.TrySetException(new AuditLogException($"The audit log {path} could not be written: {e.Message}", e));
            }

            return;
        }

        foreach (var (pending, entry) in batch)
        {
            pending.Completion!.TrySetResult(entry);
        }
    }

    private AuditEntry WriteCheckpoint(ArrayBufferWriter<byte> buffer)
    {
        var signature = SignatureAlgorithm.Ed25519.Sign(options.SigningKey, AuditEntryCodec.CheckpointMessage(lastSeq, lastHash));
        var checkpoint = new AuditEvent(AuditEntryKind.Checkpoint)
        {
            Actor = AuditActor.Node(options.NodeId),
            Details = new JsonObject
            {
                ["public_key"] = publicKey,
                ["signature"] = Convert.ToBase64String(signature),
            },
        };
        var entry = Seal(AuditEntryCodec.Encode(checkpoint), buffer);
        sinceCheckpoint = 0;
        (lastCheckpointSeq, lastCheckpointHash) = (entry.Seq, entry.Hash);
        return entry;
    }

    private AuditEntry Seal(EncodedEvent encoded, ArrayBufferWriter<byte> buffer)
    {
        var entry = AuditEntryCodec.Seal(encoded, lastSeq + 1, options.Time.GetUtcNow(), lastHash, buffer);
        (lastSeq, lastHash) = (entry.Seq, entry.Hash);
        return entry;
    }

    /// <summary>
    /// An entry to write (with <see cref="Event"/>), or a request for a checkpoint: forced (the first entry of a new log)
    /// or only when entries were added since the last one (the timer's).
    /// </summary>
    private sealed record Pending(EncodedEvent? Event, bool Force)
    {
        public static readonly Pending TimedCheckpoint = new(null, false) { Completion = null };

        public TaskCompletionSource<AuditEntry>? Completion { get; init; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Pending Genesis() => new(null, true);
    }

    private readonly record struct Recovered(long Offset, long Length, string Sha256);
}
