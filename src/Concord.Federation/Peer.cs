// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace Concord.Federation;

/// <summary>
/// Another node we pull from, and may push to, over TAXII 2.1 (DESIGN.md, "peer"). A peer acts as an organization of the sharing model:
/// what it sends is stored in local collections owned by that organization, so the node's agreements decide both what we
/// accept from it (the entry policy) and whom we pass it on to.
/// </summary>
/// <param name="Name">The peer's name: 1 to 64 of a-z, 0-9, '-' and '_' (it names files and appears in every error).</param>
/// <param name="ApiRoot">The peer's TAXII API root URL, e.g. <c>https://peer.example/taxii2/api1/</c>.</param>
/// <param name="OrganizationId">The organization the peer acts as in the local account store.</param>
/// <remarks>Immutable; persisted in <c>peers.json</c> by <see cref="PeerRegistry"/>.</remarks>
public sealed record Peer(string Name, Uri ApiRoot, Guid OrganizationId)
{
    /// <summary>The peer's Ed25519 public key (PEM, SubjectPublicKeyInfo); null only when <see cref="Unsigned"/>.</summary>
    public string? PublicKeyPem { get; init; }

    /// <summary>Accept pages without a signature: only for TAXII servers that do not sign (configured explicitly).</summary>
    public bool Unsigned { get; init; }

    /// <summary>The environment variable holding the peer's API token, read at each sync (never stored).</summary>
    public string? TokenVariable { get; init; }

    /// <summary>How often <c>concord serve</c> syncs the peer.</summary>
    [JsonConverter(typeof(SecondsConverter))]
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The peer's collections we pull, each into a local collection.</summary>
    public IReadOnlyList<PeerCollection> Collections { get; init; } = [];

    /// <summary>
    /// The collection id of the peer's inbox, where <see cref="PeerPusher"/> offers our new objects (TAXII 2.1 section 5.5);
    /// null for a pull-only peer.
    /// </summary>
    public string? PushTo { get; init; }

    /// <summary>The local collection the peer pushes into (owned by its organization, writable by it); null when it pushes nothing here.</summary>
    public Guid? Inbox { get; init; }
}

/// <summary>One of a peer's collections and the local collection its objects are stored in.</summary>
/// <param name="RemoteId">The collection id on the peer.</param>
/// <param name="LocalId">The local collection, owned by the peer's organization.</param>
public sealed record PeerCollection(string RemoteId, Guid LocalId);
