// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Federation;

/// <summary>What <c>concord peer status</c> and <c>GET /federation/peers</c> show for one peer.</summary>
/// <param name="Name">The peer's name.</param>
/// <param name="ApiRoot">Its API root URL.</param>
/// <remarks>Immutable.</remarks>
public sealed record PeerStatus(string Name, string ApiRoot)
{
    /// <summary>When the last sync started; null when never.</summary>
    public DateTimeOffset? LastSyncAt { get; init; }

    /// <summary>When the last sync finished without error; null when none has.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Seconds since <see cref="LastSuccessAt"/>: how far behind the peer we may be; null when never synced.</summary>
    public long? LagSeconds { get; init; }

    /// <summary>Object versions stored from the peer, over all its collections.</summary>
    public long Added { get; init; }

    /// <summary>Object versions received that were already held.</summary>
    public long Duplicates { get; init; }

    /// <summary>Object versions refused.</summary>
    public long Refused { get; init; }

    /// <summary>The error of the last sync, naming the peer and the collection or object; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>The last refusal of an object, naming it and the rule; null when none was refused.</summary>
    public string? LastRefusal { get; init; }

    /// <summary>The collection id of the peer's inbox we push to; null for a pull-only peer.</summary>
    public string? PushTo { get; init; }

    /// <summary>When the last push started; null when never.</summary>
    public DateTimeOffset? LastPushAt { get; init; }

    /// <summary>Object versions the peer acknowledged from our pushes, over all local collections.</summary>
    public long Pushed { get; init; }

    /// <summary>Object versions the peer refused from our pushes.</summary>
    public long PushFailed { get; init; }

    /// <summary>Object versions our decision point withheld from the peer.</summary>
    public long PushDenied { get; init; }

    /// <summary>The error of the last push, naming the peer and the collection; null when it succeeded.</summary>
    public string? LastPushError { get; init; }

    /// <summary>The last object the peer refused, with its reason; null when none.</summary>
    public string? LastPushFailure { get; init; }

    /// <summary>Statuses as JSON (snake_case), as the status endpoint and <c>concord peer status --json</c> print them.</summary>
    /// <param name="statuses">The statuses.</param>
    public static string ToJson(IReadOnlyList<PeerStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return System.Text.Json.JsonSerializer.Serialize(statuses.ToList(), FederationJsonContext.Default.ListPeerStatus);
    }

    /// <summary>The status of every peer of a registry, from their sync state.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="now">The current time (for the lag).</param>
    /// <exception cref="FederationException">A file cannot be read.</exception>
    public static IReadOnlyList<PeerStatus> Of(PeerRegistry registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return [.. registry.List().Select(peer =>
        {
            var state = PeerSyncState.Load(registry.DataDirectory, peer.Name);
            var collections = state.Collections.Values;
            var push = PeerPushState.Load(registry.DataDirectory, peer.Name);
            var cursors = push.Collections.Values;
            return new PeerStatus(peer.Name, peer.ApiRoot.ToString())
            {
                LastSyncAt = state.LastSyncAt,
                LastSuccessAt = state.LastSuccessAt,
                LagSeconds = state.LastSuccessAt is { } success ? (long)(now - success).TotalSeconds : null,
                Added = collections.Sum(c => c.Added),
                Duplicates = collections.Sum(c => c.Duplicates),
                Refused = collections.Sum(c => c.Refused),
                LastError = state.LastError,
                LastRefusal = collections.Select(c => c.LastRefusal).LastOrDefault(r => r is not null),
                PushTo = peer.PushTo,
                LastPushAt = push.LastPushAt,
                Pushed = cursors.Sum(c => c.Accepted),
                PushFailed = cursors.Sum(c => c.Failed),
                PushDenied = cursors.Sum(c => c.Denied),
                LastPushError = push.LastError,
                LastPushFailure = cursors.Select(c => c.LastFailure).LastOrDefault(f => f is not null),
            };
        })];
    }
}
