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
/// Thread-safe. One writer task per process: appends from all threads queue up, and each batch the writer takes is
/// written with one write and one flush to stable storage (group commit) before the appends in it complete.
/// </para>
/// <para>
/// Several processes may write one log (a running node and the <c>concord</c> administration commands): each batch is
/// written holding an exclusive lock on <c>audit.lock</c>, after reading what other processes appended since, so the
/// entries of all writers form one chain.
/// </para>
/// <para>
/// A checkpoint is written when the log is created, after every <see cref="AuditLogOptions.CheckpointEntries"/> entries,
/// every <see cref="AuditLogOptions.CheckpointInterval"/> when entries were added, and when the log is disposed, so a
/// log closed cleanly ends with a checkpoint.
/// </para>
/// <para>
/// A torn last line (a crash during a write) is cut off, and the cut recorded in a <see cref="AuditEntryKind.Recovery"/>
/// entry, when the log is opened or the next batch is written. Opening refuses a log whose last complete entry is damaged, or that ends
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

    /// <summary>The name of the file a process holds locked while it writes a batch, so that writers never interleave.</summary>
    public const string LockFileName = "audit.lock";

    private const int MaxBatchEntries = 4096;
    private const long LockTimeoutMilliseconds = 30_000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditLogOptions options;
    private readonly FileStream file;
    private readonly string path;
    private readonly string headPath;
    private readonly string lockPath;
    private readonly string publicKey;
    private readonly ITimer? timer;
    private readonly Task writer;
    private long lastSeq;
    private string lastHash = AuditEntry.GenesisHash;
    private long end;
    private long lines;
    private int sinceCheckpoint;
    private bool caughtUp;
    private long lastCheckpointSeq;
    private string lastCheckpointHash = AuditEntry.GenesisHash;
    private volatile Exception? failure;
    private int disposed;

    private AuditLog(AuditLogOptions options, FileStream file)
    {
        this.options = options;
        this.file = file;
        path = file.Name;
        headPath = Path.Combine(options.Directory, HeadFileName);
        lockPath = Path.Combine(options.Directory, LockFileName);
        publicKey = Convert.ToBase64String(options.SigningKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        writer = Task.Run(WriteLoopAsync);
        if (options.CheckpointInterval > TimeSpan.Zero)
        {
            timer = options.Time.CreateTimer(_ => queue.Writer.TryWrite(Pending.TimedCheckpoint), null, options.CheckpointInterval, options.CheckpointInterval);
        }
    }

    /// <summary>
    /// Opens the log in <see cref="AuditLogOptions.Directory"/>, creating it (with a first, signed checkpoint) when it
    /// does not exist, and recovering a torn last line (recorded in a <see cref="AuditEntryKind.Recovery"/> entry).
    /// </summary>
    /// <param name="options">Where the log is and the key that signs it.</param>
    /// <param name="cancellationToken">Stops the wait for the first entries (not their writing).</param>
    /// <returns>The open log; dispose it to write the final checkpoint and close the file.</returns>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or a setting is out of range.</exception>
    /// <exception cref="AuditLogException">The log is damaged, shorter than its head says, or locked by another process for too long; the message names the file.</exception>
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
        var log = new AuditLog(options, new FileStream(Path.Combine(options.Directory, LogFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite));
        try
        {
            // The first batch reads the log (and cuts a torn tail); on an empty one it writes the first checkpoint.
            await log.Enqueue(Pending.Opening()).WaitAsync(cancellationToken).ConfigureAwait(false);
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

        return Written(Enqueue(new Pending(AuditEntryCodec.Encode(auditEvent), Open: false)), cancellationToken);

        static async Task<AuditEntry> Written(Task<AuditEntry?> written, CancellationToken cancellationToken) =>
            (await written.WaitAsync(cancellationToken).ConfigureAwait(false))!;
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
    }

    private Task<AuditEntry?> Enqueue(Pending pending)
    {
        if (failure is not null)
        {
            throw Stopped();
        }

        return queue.Writer.TryWrite(pending) ? pending.Completion!.Task : throw new ObjectDisposedException(nameof(AuditLog));
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var batch = new List<(Pending Pending, AuditEntry? Entry)>();
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
                batch.Clear();
                using (await LockAsync().ConfigureAwait(false))
                {
                    var checkpointed = Catch(buffer);
                    while (batch.Count < MaxBatchEntries && reader.TryRead(out var pending))
                    {
                        if (pending.Event is { } encoded)
                        {
                            batch.Add((pending, Seal(encoded, buffer)));
                            if (++sinceCheckpoint >= options.CheckpointEntries)
                            {
                                WriteCheckpoint(buffer);
                                checkpointed = true;
                            }
                        }
                        else
                        {
                            // Open: a new log starts with a checkpoint. Timer: sign what was added since the last one.
                            if ((pending.Open && lastSeq == 0) || (!pending.Open && sinceCheckpoint > 0))
                            {
                                WriteCheckpoint(buffer);
                                checkpointed = true;
                            }

                            if (pending.Completion is not null)
                            {
                                batch.Add((pending, null));
                            }
                        }
                    }

                    Commit(buffer, checkpointed);
                }

                foreach (var (pending, entry) in batch)
                {
                    pending.Completion!.TrySetResult(entry);
                }
            }

            // Closing: sign what was added since the last checkpoint, by this process or another.
            using (await LockAsync().ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
                var checkpointed = Catch(buffer);
                if (sinceCheckpoint > 0)
                {
                    WriteCheckpoint(buffer);
                    checkpointed = true;
                }

                Commit(buffer, checkpointed);
            }
        }
        catch (Exception e)
        {
            // Whatever broke the writer, no append may wait forever: fail the batch in hand and everything queued.
            failure ??= e;
            queue.Writer.TryComplete();
            foreach (var (pending, _) in batch)
            {
                pending.Completion?.TrySetException(Stopped());
            }

            while (reader.TryRead(out var pending))
            {
                pending.Completion?.TrySetException(Stopped());
            }
        }
    }

    private AuditLogException Stopped() => new($"The audit log {path} stopped: {failure!.Message}", failure);

    /// <summary>Takes the lock on <c>audit.lock</c>, waiting while another process writes a batch.</summary>
    private async Task<FileStream> LockAsync()
    {
        var deadline = Environment.TickCount64 + LockTimeoutMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException))
            {
                if (Environment.TickCount64 > deadline)
                {
                    throw new AuditLogException($"{lockPath} stayed locked by another process for {LockTimeoutMilliseconds / 1000} s.", e);
                }

                await Task.Delay(2).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Catches up with what other processes (or, on opening, earlier runs) appended since this one last wrote: the last
    /// entry's seq and hash (its hash checked), whether a checkpoint signed it, and a torn tail, which is cut off and
    /// recorded in a recovery entry sealed into <paramref name="buffer"/>. On opening, also checks the log against its head.
    /// Returns whether it sealed a checkpoint (the first entry, when a crash tore the first line).
    /// </summary>
    private bool Catch(ArrayBufferWriter<byte> buffer)
    {
        var length = file.Length;
        if (length < end)
        {
            throw new AuditLogException(string.Create(CultureInfo.InvariantCulture,
                $"{path} is {length} bytes, shorter than the {end} this process knows of: entries were removed; run 'concord audit verify'."));
        }

        var torn = length > end ? ReadAppended() : null;
        if (!caughtUp)
        {
            caughtUp = true;
            if (AuditHead.Read(headPath) is { } head && head.Seq > lastSeq)
            {
                throw new AuditLogException(string.Create(CultureInfo.InvariantCulture,
                    $"{path} ends at seq {lastSeq} but {headPath} records a checkpoint at seq {head.Seq}: entries were removed; run 'concord audit verify'."));
            }
        }

        if (torn is not { } t)
        {
            return false;
        }

        file.SetLength(t.Offset);
        file.Flush(flushToDisk: true);
        end = t.Offset;

        // A log starts with a checkpoint, even when the line torn was its first.
        var genesis = lastSeq == 0;
        if (genesis)
        {
            WriteCheckpoint(buffer);
        }

        var recovery = new AuditEvent(AuditEntryKind.Recovery)
        {
            Actor = AuditActor.Node(options.NodeId),
            Reason = string.Create(CultureInfo.InvariantCulture, $"a torn last line ({t.Length} bytes at offset {t.Offset}) was cut off"),
            Details = new JsonObject { ["offset"] = t.Offset, ["bytes"] = t.Length, ["sha256"] = t.Sha256 },
        };
        Seal(AuditEntryCodec.Encode(recovery), buffer);
        sinceCheckpoint++;
        return genesis;
    }

    /// <summary>Reads the lines after <see cref="end"/>: takes the last one's seq and hash, and returns a torn tail.</summary>
    private Recovered? ReadAppended()
    {
        file.Position = end;
        long lastOffset = -1, lastLength = 0, lastLine = lines;
        Recovered? torn = null;
        foreach (var line in LogLines.Read(file))
        {
            if (line.Terminated)
            {
                (lastOffset, lastLength, lastLine) = (end + line.Offset, line.Bytes.Length, lines + line.Number);
            }
            else
            {
                torn = new Recovered(end + line.Offset, line.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(line.Bytes.Span)));
            }
        }

        if (lastOffset >= 0)
        {
            var bytes = new byte[lastLength];
            file.Position = lastOffset;
            file.ReadExactly(bytes);
            var entry = ReadChecked(bytes, out var error)
                ?? throw new AuditLogException(string.Create(CultureInfo.InvariantCulture, $"{path} line {lastLine}: the last entry is damaged ({error}); run 'concord audit verify'."));
            if (entry.Seq <= lastSeq)
            {
                throw new AuditLogException(string.Create(CultureInfo.InvariantCulture,
                    $"{path} line {lastLine}: seq {entry.Seq} does not follow seq {lastSeq} written before: the file was replaced; run 'concord audit verify'."));
            }

            (lastSeq, lastHash, lines, end) = (entry.Seq, entry.Hash, lastLine, lastOffset + lastLength + 1);

            // Only the last entry is read: if it is not a checkpoint, entries before it may be unsigned, and the next
            // timer or closing checkpoint signs them.
            sinceCheckpoint = entry.Kind == AuditEntryKind.Checkpoint ? 0 : Math.Max(sinceCheckpoint, 1);
        }

        return torn;
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

    /// <summary>Writes the batch at the end of the file with one write and one flush to disk; then the head, after a checkpoint.</summary>
    private void Commit(ArrayBufferWriter<byte> buffer, bool checkpointed)
    {
        if (buffer.WrittenCount == 0)
        {
            return;
        }

        try
        {
            file.Position = end;
            file.Write(buffer.WrittenSpan);
            file.Flush(flushToDisk: true);
            end = file.Position;
            lines += buffer.WrittenSpan.Count((byte)'\n');
            if (checkpointed)
            {
                AuditHead.Write(headPath, lastCheckpointSeq, lastCheckpointHash);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditLogException($"The audit log {path} could not be written: {e.Message}", e);
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
    /// An entry to write (with <see cref="Event"/>), the opening of the log (<see cref="Open"/>), or the timer's request
    /// for a checkpoint when entries were added since the last one.
    /// </summary>
    private sealed record Pending(EncodedEvent? Event, bool Open)
    {
        public static readonly Pending TimedCheckpoint = new(null, false) { Completion = null };

        public TaskCompletionSource<AuditEntry?>? Completion { get; init; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Pending Opening() => new(null, true);
    }

    private readonly record struct Recovered(long Offset, long Length, string Sha256);
}
