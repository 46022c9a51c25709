// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;

namespace Concord.Federation.Internal;

/// <summary>
/// A peer's journal, <c>federation/PEER/provenance.jsonl</c>: one JSON object per line, appended only, holding the
/// provenance of the versions pulled from the peer and, after every stored page, the sync state.
/// </summary>
/// <remarks>
/// One file for both so that a pull pays one fsync per page beyond the store's: the provenance of page N+1 is flushed
/// before that page is stored (write-ahead), and the same flush makes the state line written after page N durable. A
/// state line that a crash loses only sends the next pull back over a page the store already holds (idempotent). Appends
/// to one file are serialised: a peer's pull and its pushes to us (PeerIngestGate) append from different threads.
/// </remarks>
internal static class PeerJournal
{
    private const int TailWindow = 64 * 1024;

    private static readonly ConcurrentDictionary<string, Lock> Writers = new(StringComparer.Ordinal);

    public static string PathOf(string dataDirectory, string peer) => Path.Combine(dataDirectory, "federation", peer, "provenance.jsonl");

    /// <summary>Appends whole lines; with <paramref name="durable"/>, flushed to stable storage before returning.</summary>
    /// <remarks>
    /// A last line that a crash left unterminated is ended first, so that it cannot swallow the first line appended
    /// (it stays unparseable and is skipped by readers).
    /// </remarks>
    public static void Append(string path, ReadOnlySpan<byte> lines, bool durable)
    {
        lock (Writers.GetOrAdd(path, static _ => new Lock()))
        {
            AppendLocked(path, lines, durable);
        }
    }

    private static void AppendLocked(string path, ReadOnlySpan<byte> lines, bool durable)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only, like the rest of the node's federation files.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
            {
                stream.WriteByte((byte)'\n');
            }
        }

        stream.Write(lines);
        if (durable)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// The lines of the journal from the last one backwards, each without its line feed, read from the end in growing
    /// windows so that finding the last state line reads only the tail of a large journal.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> LinesBackwards(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = stream.Length;
        var end = length;
        var window = TailWindow;
        while (end > 0)
        {
            var start = Math.Max(0, end - window);
            var chunk = new byte[end - start];
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(chunk);

            // Unless the window reaches the start of the file, its first line may begin before it: read it with the next window.
            var first = start == 0 ? 0 : Array.IndexOf(chunk, (byte)'\n') + 1;
            if (first == 0 && start > 0)
            {
                window *= 2;
                continue;
            }

            var lineEnd = chunk.Length;
            for (var index = chunk.Length - 1; index >= Math.Max(0, first - 1); index--)
            {
                if (chunk[index] == '\n')
                {
                    if (lineEnd > index + 1)
                    {
                        yield return chunk.AsMemory(index + 1, lineEnd - index - 1);
                    }

                    lineEnd = index;
                }
            }

            if (first == 0)
            {
                if (lineEnd > 0)
                {
                    yield return chunk.AsMemory(0, lineEnd);
                }

                yield break;
            }

            end = start + first;
        }
    }
}
