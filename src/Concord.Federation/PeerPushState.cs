// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Federation.Internal;

namespace Concord.Federation;

/// <summary>
/// Where the push to a peer stands, kept in <c>federation/PEER/push.json</c> (apart from the pull state, which is in the
/// peer's journal) and replaced atomically after every page the peer has acknowledged, so that a push stopped at any point resumes with the
/// page whose receipt it had not recorded (sent again: the receiver skips versions it holds).
/// </summary>
/// <remarks>Immutable; derive with <c>with</c>.</remarks>
public sealed record PeerPushState
{
    /// <summary>The cursor of each local collection, by its id.</summary>
    public Dictionary<Guid, PushCursor> Collections { get; init; } = [];

    /// <summary>When the last push started.</summary>
    public DateTimeOffset? LastPushAt { get; init; }

    /// <summary>When the last push finished without error.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The error that ended the last push, naming the peer and the collection; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>The path of a peer's push state file.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public static string PathOf(string dataDirectory, string peer) => Path.Combine(dataDirectory, "federation", peer, "push.json");

    /// <summary>Loads a peer's push state; the empty state when nothing was pushed yet.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    /// <exception cref="FederationException">The file is not valid.</exception>
    public static PeerPushState Load(string dataDirectory, string peer) =>
        StateFile.Load(PathOf(dataDirectory, peer), peer, FederationJsonContext.Default.PeerPushState);

    /// <summary>Saves a peer's push state atomically and durably.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="peer">The peer's name.</param>
    public void Save(string dataDirectory, string peer) =>
        StateFile.Save(PathOf(dataDirectory, peer), this, FederationJsonContext.Default.PeerPushState);
}

/// <summary>Where the push of one local collection to a peer stands.</summary>
public sealed record PushCursor
{
    /// <summary>The date added of the last version the peer acknowledged (or that was decided and not sent): the next push starts after it.</summary>
    public DateTimeOffset? AddedAfter { get; init; }

    /// <summary>Object versions the peer acknowledged as stored (including versions it already held).</summary>
    public long Accepted { get; init; }

    /// <summary>Object versions the peer refused, each with its reason (not sent again).</summary>
    public long Failed { get; init; }

    /// <summary>Object versions our decision point withheld from the peer (audited as denials).</summary>
    public long Denied { get; init; }

    /// <summary>The last refusal by the peer, naming the object and the peer's reason; null when none.</summary>
    public string? LastFailure { get; init; }
}
