// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Federation.Internal;

namespace Concord.Federation;

/// <summary>
/// Where the pull of each of a peer's collections stands, kept in <c>federation/PEER/state.json</c> and replaced atomically
/// after every stored page, so that a pull killed at any point resumes from the last page it finished.
/// </summary>
/// <remarks>Immutable; derive with <c>with</c>.</remarks>
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

    /// <summary>The path of a peer's state file.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static string PathOf(string dataDirectory, string peer) => Path.Combine(dataDirectory, "federation", peer, "state.json");

    /// <summary>Loads a peer's state; the empty state when the peer was never synced.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    /// <exception cref="FederationException">The file is not valid.</exception>
    public static PeerSyncState Load(string dataDirectory, string peer) =>
        StateFile.Load(PathOf(dataDirectory, peer), peer, FederationJsonContext.Default.PeerSyncState);

    /// <summary>Saves a peer's state atomically and durably.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public void Save(string dataDirectory, string peer) =>
        StateFile.Save(PathOf(dataDirectory, peer), this, FederationJsonContext.Default.PeerSyncState);
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
