// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Commands.Group;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Concord.Sharing;
using Concord.Stix.Model.Meta;
using Concord.Storage;
using Concord.Storage.Objects;

namespace Concord.Cli.Commands.Detect;

/// <summary>
/// <c>concord detect --collection ID</c>: keeps the sightings in a local collection of the node, through the store, marked
/// with <c>--tlp</c>, and audited as an <c>ingest</c> by the local operator. Stored there, a sighting of an indicator that
/// came from a peer is pushed back to that peer when an agreement allows it (docs/federation.md).
/// </summary>
internal sealed class SightingStorage : IAsyncDisposable
{
    private const int Batch = 1000;

    private readonly IConcordStore store;
    private readonly AuditLog audit;
    private readonly Guid collection;
    private readonly TlpLevel? level;
    private readonly AuditOrganization organization;

    private SightingStorage(IConcordStore store, AuditLog audit, Guid collection, TlpLevel? level, AuditOrganization organization, string nodeIdentity)
    {
        this.store = store;
        this.audit = audit;
        this.collection = collection;
        this.level = level;
        this.organization = organization;
        NodeIdentity = nodeIdentity;
    }

    /// <summary>The node's identity id: where the kept sightings were made, unless <c>--identity</c> says otherwise.</summary>
    public string NodeIdentity { get; }

    /// <summary>Opens the node's store and audit log and checks the collection and level; null (with the error written) when they are not usable.</summary>
    public static async Task<SightingStorage?> OpenAsync(ParseResult parse, Option<string?> data, Guid collection, string? tlp, CliEnvironment environment, CancellationToken cancellationToken)
    {
        TlpLevel? level = null;
        if (tlp is not null && !TlpLevelNames.TryParse(tlp, out level))
        {
            environment.Error.WriteLine($"concord detect: --tlp '{tlp}' is not a TLP level (clear, green, amber, amber+strict, red).");
            return null;
        }

        var configuration = NodeOptions.Configuration(parse, data);
        var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "detect", cancellationToken).ConfigureAwait(false);
        if (store is null)
        {
            return null;
        }

        var directory = NodeConfiguration.DataDirectory(configuration);
        var identity = Node.NodeIdentity.Load(directory);
        var node = await store.FindOrganizationAsync(identity.Name, cancellationToken).ConfigureAwait(false);
        if (await store.GetCollectionAsync(collection, cancellationToken).ConfigureAwait(false) is null || node is null)
        {
            environment.Error.WriteLine($"concord detect: --collection {collection:D}: there is no such collection in {directory}.");
            store.Dispose();
            return null;
        }

        using var key = Node.NodeIdentity.LoadSigningKey(directory);
        try
        {
            var audit = await AuditLog.OpenAsync(AuditSettings.Options(configuration, key, identity.StixId), cancellationToken).ConfigureAwait(false);
            return new SightingStorage(store, audit, collection, level, new AuditOrganization(node.Id, node.Name), identity.StixId);
        }
        catch (Exception e) when (e is AuditLogException or InvalidOperationException)
        {
            environment.Error.WriteLine($"concord detect: {e.Message}");
            store.Dispose();
            return null;
        }
    }

    /// <summary>Stores the sightings in batches, each audited once it is stored; false (with the error written) when the store refuses.</summary>
    public async Task<bool> StoreAsync(IReadOnlyList<string> sightings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using (this.ConfigureAwait(false))
        {
            long added = 0;
            long held = 0;
            foreach (var chunk in sightings.Chunk(Batch))
            {
                IReadOnlyList<AddObjectResult> results;
                try
                {
                    results = await store.AddObjectsAsync(collection, [.. chunk.Select(Marked)], cancellationToken).ConfigureAwait(false);
                }
                catch (StorageException e)
                {
                    environment.Error.WriteLine($"concord detect: --collection {collection:D}: the sightings could not be stored: {e.Message}");
                    return false;
                }

                await audit.AppendAsync(new AuditEvent(AuditEntryKind.Ingest)
                {
                    Actor = SharingCli.Operator,
                    Organization = organization,
                    Channel = AuditChannels.Cli,
                    Objects = [.. results.Select(r => new AuditObjectRef(r.Id, r.Version) { Outcome = r.Outcome == AddOutcome.Added ? "added" : r.Outcome == AddOutcome.AlreadyPresent ? "duplicate" : "refused" })],
                    Details = new JsonObject { ["collection"] = collection.ToString("D"), ["source"] = "detect" },
                }, cancellationToken).ConfigureAwait(false);
                added += results.Count(r => r.Outcome == AddOutcome.Added);
                held += results.Count(r => r.Outcome == AddOutcome.AlreadyPresent);
                if (results.FirstOrDefault(r => r.Outcome == AddOutcome.Rejected) is { } rejected)
                {
                    environment.Error.WriteLine($"concord detect: --collection {collection:D}: {rejected.Id} was refused by the store: {rejected.Message}");
                    return false;
                }
            }

            environment.Error.WriteLine($"detect: kept {added} sightings in collection {collection:D} ({held} already held)");
            return true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await audit.DisposeAsync().ConfigureAwait(false);
        store.Dispose();
    }

    private ReadOnlyMemory<byte> Marked(string json)
    {
        if (level is not { } marking)
        {
            return Encoding.UTF8.GetBytes(json);
        }

        var sighting = JsonNode.Parse(json)!.AsObject();
        sighting["object_marking_refs"] = new JsonArray(TlpMarkings.Tlp2IdOf(marking));
        return Encoding.UTF8.GetBytes(sighting.ToJsonString());
    }
}
