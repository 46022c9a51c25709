// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Federation.Internal;

/// <summary>
/// The provenance of every peer, indexed for a push: which versions came from which peer (never echoed back to it), and
/// which peer each object first came from (where a sighting of it is sent back).
/// </summary>
internal sealed class ProvenanceIndex
{
    private readonly HashSet<(string Peer, string Id, string Version)> versions = [];
    private readonly Dictionary<string, Provenance> first = new(StringComparer.Ordinal);

    public static ProvenanceIndex Load(string dataDirectory, IEnumerable<Peer> peers)
    {
        var index = new ProvenanceIndex();
        foreach (var peer in peers)
        {
            foreach (var record in ProvenanceLog.Read(dataDirectory, peer.Name))
            {
                index.versions.Add((record.Peer, record.Id, record.Version));
                if (!index.first.TryGetValue(record.Id, out var known) || record.ReceivedAt < known.ReceivedAt)
                {
                    index.first[record.Id] = record;
                }
            }
        }

        return index;
    }

    /// <summary>Whether this version was received from <paramref name="peer"/>.</summary>
    public bool CameFrom(string peer, string id, string version) => versions.Contains((peer, id, version));

    /// <summary>Where an object first came from; null for an object of our own.</summary>
    public Provenance? Of(string id) => first.GetValueOrDefault(id);
}
