// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text;
using System.Text.Json;
using Concord.Federation.Internal;

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
/// The provenance of the object versions pulled from one peer, kept beside the objects in the peer's journal
/// <c>federation/PEER/provenance.jsonl</c> (one JSON object per line, beside the sync state's lines), because a property
/// added to the objects would change the bytes their creators signed off.
/// </summary>
/// <remarks>
/// The lines of a page are written and flushed before the page is stored (write-ahead), so a stored version always has
/// its provenance even when the process is killed between the two; a page pulled again after such a kill adds its lines
/// again, and the first line for a version is the one that counts (<see cref="Read"/>). Not thread-safe: one puller per peer.
/// </remarks>
public static class ProvenanceLog
{
    /// <summary>The path of a peer's journal, which holds its provenance.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static string PathOf(string dataDirectory, string peer) => PeerJournal.PathOf(dataDirectory, peer);

    /// <summary>Appends the provenance of a page and flushes it (and any sync state written before it) to stable storage.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    /// <param name="records">The records.</param>
    public static void Append(string dataDirectory, string peer, IReadOnlyList<Provenance> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var buffer = new ArrayBufferWriter<byte>(records.Count * 256);
        using var writer = new Utf8JsonWriter(buffer);
        foreach (var record in records)
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteString("collection", record.Collection);
            writer.WriteString("id", record.Id);
            writer.WriteString("version", record.Version);
            writer.WriteString("origin_node", record.OriginNode);
            writer.WriteString("peer", record.Peer);
            writer.WriteString("received_at", record.ReceivedAt);
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
        }

        PeerJournal.Append(PathOf(dataDirectory, peer), buffer.WrittenSpan, durable: true);
    }

    /// <summary>
    /// Reads a peer's provenance: the first record of each (collection, id, version). A line torn by a crash is skipped,
    /// and so are the journal's sync-state lines.
    /// </summary>
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
            if (line.StartsWith(PeerSyncState.JournalLinePrefix, StringComparison.Ordinal))
            {
                continue;
            }

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
