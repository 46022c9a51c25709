// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Json;
using Concord.Federation.Internal;

namespace Concord.Federation;

/// <summary>
/// Where the pull of each of a peer's collections stands, kept as the last state line of the peer's journal
/// <c>federation/PEER/provenance.jsonl</c> and appended after every stored page, so that a pull killed at any point
/// resumes from the last page it finished.
/// </summary>
/// <remarks>
/// A state line is written after its page is stored and made durable by the next flush of the journal (the next page's
/// provenance, or the end of the pull): a crash that loses it only sends the next pull over a page the store already
/// holds, which adds nothing. Immutable; derive with <c>with</c>.
/// </remarks>
public sealed record PeerSyncState
{
    /// <summary>The state of each pulled collection, by the peer's collection id.</summary>
    public Dictionary<string, CollectionSyncState> Collections { get; init; } = new(StringComparer.Ordinal);

    /// <summary>When the last sync of the peer started.</summary>
    public DateTimeOffset? LastSyncAt { get; init; }

    /// <summary>When the last sync of the peer finished without error.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The error that ended the last sync, naming the peer and the collection or object; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>How a state line of the journal starts, which tells it from a provenance line.</summary>
    internal const string JournalLinePrefix = "{\"state\":";

    /// <summary>The path of the peer's journal, which holds its state.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static string PathOf(string dataDirectory, string peer) => PeerJournal.PathOf(dataDirectory, peer);

    /// <summary>Loads a peer's state: the last state line of its journal; the empty state when the peer was never synced.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    /// <remarks>A line torn by a crash is skipped (the state before it counts).</remarks>
    /// <exception cref="FederationException">The last state line is JSON but not a valid state.</exception>
    public static PeerSyncState Load(string dataDirectory, string peer)
    {
        var path = PathOf(dataDirectory, peer);
        foreach (var line in PeerJournal.LinesBackwards(path))
        {
            if (!line.Span.StartsWith(JournalLinePrefixUtf8))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                try
                {
                    return document.RootElement.GetProperty("state").Deserialize(FederationJsonContext.Default.PeerSyncState) ?? new PeerSyncState();
                }
                catch (JsonException e)
                {
                    throw new FederationException(peer, path, $"the last sync state is not valid: {e.Message}");
                }
            }
        }

        return new PeerSyncState();
    }

    /// <summary>Appends the state to the peer's journal and flushes it to stable storage.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public void Save(string dataDirectory, string peer) => Append(dataDirectory, peer, durable: true);

    /// <summary>
    /// Appends the state to the peer's journal; without <paramref name="durable"/> it is visible at once (and survives
    /// the process being killed) but reaches stable storage with the journal's next flush.
    /// </summary>
    internal void Append(string dataDirectory, string peer, bool durable)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("state");
            JsonSerializer.Serialize(writer, this, FederationJsonContext.Default.PeerSyncState);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        PeerJournal.Append(PathOf(dataDirectory, peer), buffer.WrittenSpan, durable);
    }

    private static ReadOnlySpan<byte> JournalLinePrefixUtf8 => "{\"state\":"u8;
}

/// <summary>Where the pull of one of a peer's collections stands.</summary>
public sealed record CollectionSyncState
{
    /// <summary>The <c>X-TAXII-Date-Added-Last</c> of the last page stored: the next pull asks for <c>added_after</c> it.</summary>
    public DateTimeOffset? AddedAfter { get; init; }

    /// <summary>Object versions stored so far.</summary>
    public long Added { get; init; }

    /// <summary>Object versions received that were already held (skipped).</summary>
    public long Duplicates { get; init; }

    /// <summary>Object versions refused (invalid, or not allowed in by the entry policy).</summary>
    public long Refused { get; init; }

    /// <summary>The last refusal, naming the object and the rule; null when none was refused.</summary>
    public string? LastRefusal { get; init; }
}
