// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Concord.Federation;

/// <summary>Where one stored object version came from.</summary>
/// <param name="Collection">The local collection.</param>
/// <param name="Id">The STIX id.</param>
/// <param name="Version">The version (<c>modified</c>, else <c>created</c>); empty for an object with neither.</param>
/// <param name="OriginNode">The STIX identity id of the node that signed the page (the peer's configured name for an unsigned peer).</param>
/// <param name="Peer">The peer it was pulled from.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record Provenance(Guid Collection, string Id, string Version, string OriginNode, string Peer, DateTimeOffset ReceivedAt);

/// <summary>
/// The provenance of the object versions pulled from one peer, kept beside the objects in
/// <c>federation/PEER/provenance.jsonl</c> (one JSON object per line), because a property added to the objects would change
/// the bytes their creators signed off.
/// </summary>
/// <remarks>
/// The lines of a page are written and flushed before the page is stored (write-ahead), so a stored version always has
/// its provenance even when the process is killed between the two; a page pulled again after such a kill adds its lines
/// again, and the first line for a version is the one that counts (<see cref="Read"/>). Appends are thread-safe within a process.
/// </remarks>
public static class ProvenanceLog
{
    private static readonly ConcurrentDictionary<string, Lock> Writers = new(StringComparer.Ordinal);

    /// <summary>The path of a peer's provenance file.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static string PathOf(string dataDirectory, string peer) => Path.Combine(dataDirectory, "federation", peer, "provenance.jsonl");

    /// <summary>Appends the provenance of a page and flushes it to stable storage.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="records">The records.</param>
    /// <param name="peer">The peer's name.</param>
    public static void Append(string dataDirectory, string peer, IReadOnlyList<Provenance> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var path = PathOf(dataDirectory, peer);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var buffer = new MemoryStream();
        foreach (var record in records)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("collection", record.Collection);
                writer.WriteString("id", record.Id);
                writer.WriteString("version", record.Version);
                writer.WriteString("origin_node", record.OriginNode);
                writer.WriteString("peer", record.Peer);
                writer.WriteString("received_at", record.ReceivedAt);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        // A peer's pull and its pushes to us (PeerIngestGate) append to the same file from different threads.
        lock (Writers.GetOrAdd(path, static _ => new Lock()))
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Reads a peer's provenance: the first record of each (collection, id, version). A torn last line (a kill mid-write) is skipped.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static IReadOnlyList<Provenance> Read(string dataDirectory, string peer)
    {
        var path = PathOf(dataDirectory, peer);
        var records = new List<Provenance>();
        if (!File.Exists(path))
        {
            return records;
        }

        var seen = new HashSet<(Guid, string, string)>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            Provenance record;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                record = new Provenance(root.GetProperty("collection").GetGuid(), root.GetProperty("id").GetString()!, root.GetProperty("version").GetString()!,
                    root.GetProperty("origin_node").GetString()!, root.GetProperty("peer").GetString()!, root.GetProperty("received_at").GetDateTimeOffset());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                continue;
            }

            if (seen.Add((record.Collection, record.Id, record.Version)))
            {
                records.Add(record);
            }
        }

        return records;
    }
}
