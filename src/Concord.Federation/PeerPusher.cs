// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Federation.Internal;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;
using Concord.Storage;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Taxii;
using Concord.Taxii.Resources;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Signing;

namespace Concord.Federation;

/// <summary>Progress of a push: one report per page the peer acknowledged.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Collection">The local collection.</param>
/// <param name="Accepted">Versions the peer stored (or already held).</param>
/// <param name="Failed">Versions the peer refused.</param>
/// <param name="Denied">Versions our decision point withheld.</param>
public sealed record PushProgress(string Peer, Guid Collection, int Accepted, int Failed, int Denied);

/// <summary>How a push retries: exponential backoff with jitter on connection errors, timeouts, 5xx and 429.</summary>
/// <remarks>Immutable.</remarks>
public sealed record PushRetryPolicy
{
    /// <summary>Attempts per request, the first included; then the push of the collection stops with an error and the next sync resumes it.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The delay before the first retry; doubled at each retry, up to <see cref="MaxDelay"/>, then between half and all of it at random.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts; a <c>Retry-After</c> asking for longer ends this push (the next sync resumes it).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait before reading a pending status resource again (section 4.3).</summary>
    public TimeSpan StatusPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a pending status is read before the page is left unacknowledged (sent again at the next sync).</summary>
    public int MaxStatusPolls { get; init; } = 60;

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first).</summary>
    internal TimeSpan Backoff(int retry)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}

/// <summary>
/// Offers the node's new object versions to a peer's inbox collection (TAXII 2.1 section 5.5, Add Objects), page by page
/// in date-added order with a cursor per local collection, at least once: the cursor moves only when the peer's status
/// resource (section 4.3) says the page was received, so a push stopped in between sends the page again and the receiver
/// skips the versions it holds.
/// </summary>
/// <remarks>
/// <para>
/// Every version goes through the exit decision point as a TAXII read does: the peer's organization is the recipient, the
/// collection's owner the origin, the channel <c>federation</c>; denied versions are not sent, redacted ones are sent
/// redacted, and disclosures, denials and redactions are audited before the page leaves. A version received from the peer
/// is never sent back to it (provenance). A sighting of an indicator that came from a peer is routed to that peer only
/// (sightings flow back to whoever warned us) and never to another.
/// </para>
/// <para>Requests are signed with the node's key (<see cref="EnvelopeSignature.SignRequest"/>). Thread-safe for different peers; one push per peer at a time.</para>
/// </remarks>
public sealed class PeerPusher : IDisposable
{
    private readonly IConcordStore store;
    private readonly IAuditLog audit;
    private readonly SharingPolicySource policy;
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly string dataDirectory;

    /// <summary>Creates a pusher.</summary>
    /// <param name="store">The local store.</param>
    /// <param name="audit">The node's audit log.</param>
    /// <param name="dataDirectory">The data directory (push state, provenance, peers).</param>
    /// <param name="signer">The node's key and identity id, which sign every push.</param>
    /// <param name="time">The clock (backoff delays).</param>
    public PeerPusher(IConcordStore store, IAuditLog audit, string dataDirectory, ResponseSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.audit = audit;
        this.dataDirectory = dataDirectory;
        this.time = time;
        policy = new SharingPolicySource(store, time);
        http = new HttpClient(new RequestSigningHandler(signer)) { Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The most versions per POST (an envelope of up to 1,000 objects).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The API roots whose collections are pushed.</summary>
    public IReadOnlyList<string> ApiRoots { get; init; } = [TaxiiServerOptions.DefaultApiRootName];

    /// <summary>How requests are retried.</summary>
    public PushRetryPolicy Retry { get; init; } = new();

    /// <summary>
    /// Pushes what is new in every local collection to the peer's inbox (<see cref="Peer.PushTo"/>); nothing for a
    /// pull-only peer. A failure of one collection is recorded and does not stop the others.
    /// </summary>
    /// <param name="peer">The peer.</param>
    /// <param name="progress">Receives a report per acknowledged page; may be null.</param>
    /// <param name="cancellationToken">Cancels the push; the next push resumes with the page not yet acknowledged.</param>
    /// <returns>The peer's push state afterwards; <see cref="PeerPushState.LastError"/> names what failed.</returns>
    public async Task<PeerPushState> PushAsync(Peer peer, IProgress<PushProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = PeerPushState.Load(dataDirectory, peer.Name);
        if (peer.PushTo is null)
        {
            return state;
        }

        state = state with { LastPushAt = time.GetUtcNow() };
        var errors = new List<string>();
        try
        {
            var registry = new PeerRegistry(dataDirectory);
            var provenance = ProvenanceIndex.Load(dataDirectory, registry.List());
            var organization = await store.GetOrganizationAsync(peer.OrganizationId, cancellationToken).ConfigureAwait(false)
                ?? throw new FederationException(peer.Name, null, $"the peer's organization {peer.OrganizationId} does not exist.");
            var client = new TaxiiClient(http, registry.TokenOf(peer) is { } token ? TaxiiCredentials.Bearer(token) : null);
            var target = new PushTarget(peer, client, new AuditOrganization(organization.Id, organization.Name), provenance);
            foreach (var root in ApiRoots)
            {
                foreach (var collection in await store.ListCollectionsAsync(root, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        state = await PushCollectionAsync(target, collection, state, progress, cancellationToken).ConfigureAwait(false);
                    }
                    catch (FederationException e)
                    {
                        errors.Add(e.Message);
                    }
                }
            }
        }
        catch (FederationException e)
        {
            errors.Add(e.Message);
        }

        state = errors.Count == 0
            ? state with { LastSuccessAt = state.LastPushAt, LastError = null }
            : state with { LastError = string.Join(" | ", errors) };
        state.Save(dataDirectory, peer.Name);
        return state;
    }

    private async Task<PeerPushState> PushCollectionAsync(PushTarget target, CollectionInfo collection, PeerPushState state, IProgress<PushProgress>? progress, CancellationToken cancellationToken)
    {
        var cursor = state.Collections.GetValueOrDefault(collection.Id) ?? new PushCursor();
        while (true)
        {
            var query = new ObjectQuery
            {
                AddedAfter = cursor.AddedAfter is { } after ? DateAdded.FromInstant(after).ToStixTimestamp() : null,
                Limit = PageSize,
                Versions = VersionFilter.AllVersions,
            };
            var page = await store.GetObjectsAsync(collection.Id, query, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0 || page.DateAddedLast is not { } last)
            {
                return state;
            }

            var current = await policy.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var view = current.For(target.Peer.OrganizationId, current.OriginOf(collection), AuditChannels.Federation);
            var offer = Decide(target, view, page.Items);
            await AuditAsync(target, collection, view, offer, cancellationToken).ConfigureAwait(false);
            var receipt = offer.Sent.Count == 0 ? null : await DeliverAsync(target, collection, offer.Sent, cancellationToken).ConfigureAwait(false);
            var failures = receipt?.Failures ?? [];
            var accepted = receipt?.SuccessCount ?? 0;
            var failed = receipt?.FailureCount ?? 0;
            cursor = cursor with
            {
                AddedAfter = last.Instant,
                Accepted = cursor.Accepted + accepted,
                Failed = cursor.Failed + failed,
                Denied = cursor.Denied + offer.Denied.Count,
                LastFailure = failures.Count > 0
                    ? $"peer '{target.Peer.Name}' refused {failures[^1].Id} (version {failures[^1].Version}): {failures[^1].Message}"
                    : cursor.LastFailure,
            };
            state = state with { Collections = new Dictionary<Guid, PushCursor>(state.Collections) { [collection.Id] = cursor } };
            state.Save(dataDirectory, target.Peer.Name);
            progress?.Report(new PushProgress(target.Peer.Name, collection.Id, (int)accepted, (int)failed, offer.Denied.Count));
            if (!page.More)
            {
                return state;
            }
        }
    }

    /// <summary>What of a page is offered to the peer: echoes and other peers' sightings are left out, the rest decided.</summary>
    private static Offer Decide(PushTarget target, RecipientView view, IReadOnlyList<StoredObject> rows)
    {
        var offer = new Offer();
        foreach (var row in rows)
        {
            if (target.Provenance.CameFrom(target.Peer.Name, row.Id, row.Version) || !RoutedTo(target, row))
            {
                continue;
            }

            var decision = view.Decide(new ObjectVersion(row.Id, row.Type, row.Version, row.Json));
            if (!decision.Discloses)
            {
                offer.Denied.Add((row, decision.Reason ?? "denied"));
            }
            else if (decision.Outcome == PolicyOutcome.Redact && decision.Redactions.Count > 0)
            {
                offer.Sent.Add(Redactor.Apply(row.Json, decision.Redactions));
                offer.Disclosed.Add(new AuditObjectRef(row.Id, row.Version));
                offer.Redacted.Add((new AuditObjectRef(row.Id, row.Version) { Paths = [.. decision.Redactions.Select(r => r.Path.JsonPath)] }, decision.Redactions));
            }
            else
            {
                offer.Sent.Add(row.Json);
                offer.Disclosed.Add(new AuditObjectRef(row.Id, row.Version));
            }
        }

        return offer;
    }

    /// <summary>
    /// Whether a version may go to this peer at all: a sighting of an indicator that came from a peer goes back to that peer
    /// and to no other (the decision point still decides whether it goes back); everything else goes wherever policy allows.
    /// </summary>
    private static bool RoutedTo(PushTarget target, StoredObject row)
    {
        if (row.Type != "sighting")
        {
            return true;
        }

        using var document = JsonDocument.Parse(row.Json);
        return !document.RootElement.TryGetProperty("sighting_of_ref", out var sighted) || sighted.ValueKind != JsonValueKind.String
            || target.Provenance.Of(sighted.GetString()!) is not { } origin
            || origin.Peer == target.Peer.Name;
    }

    /// <summary>Audits the exit of a page as the TAXII exits do: one disclosure, one redaction entry, one denial entry per reason.</summary>
    private async Task AuditAsync(PushTarget target, CollectionInfo collection, RecipientView view, Offer offer, CancellationToken cancellationToken)
    {
        var details = new JsonObject
        {
            ["peer"] = target.Peer.Name,
            ["collection"] = collection.Id.ToString("D"),
            ["remote_collection"] = target.Peer.PushTo,
            ["relation"] = view.Relation.ToString(),
        };
        var events = new List<AuditEvent>();
        if (offer.Disclosed.Count > 0)
        {
            events.Add(Event(AuditEntryKind.Disclosure, offer.Disclosed, null));
        }

        if (offer.Redacted.Count > 0)
        {
            var reasons = offer.Redacted.SelectMany(r => r.Redactions).Select(r => r.Reason).Distinct(StringComparer.Ordinal);
            events.Add(Event(AuditEntryKind.Redaction, [.. offer.Redacted.Select(r => r.Reference)], string.Join("; ", reasons)));
        }

        foreach (var group in offer.Denied.GroupBy(d => d.Reason, StringComparer.Ordinal))
        {
            events.Add(Event(AuditEntryKind.Denial, [.. group.Select(d => new AuditObjectRef(d.Row.Id, d.Row.Version))], group.Key));
        }

        foreach (var entry in events)
        {
            await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        AuditEvent Event(AuditEntryKind kind, IReadOnlyList<AuditObjectRef> objects, string? reason) => new(kind)
        {
            Actor = AuditActor.Peer(target.Peer.Name),
            Organization = target.Organization,
            Channel = AuditChannels.Federation,
            Objects = objects,
            Reason = reason,
            Details = (JsonObject)details.DeepClone(),
        };
    }

    /// <summary>POSTs a page and follows its status until complete, retrying what may succeed later.</summary>
    private async Task<TaxiiStatus> DeliverAsync(PushTarget target, CollectionInfo collection, List<ReadOnlyMemory<byte>> objects, CancellationToken cancellationToken)
    {
        var envelope = Envelope(objects);
        var peer = target.Peer;
        var status = await WithRetriesAsync(peer, collection, "POST", () => target.Client.AddEnvelopeAsync(peer.ApiRoot, peer.PushTo!, envelope, cancellationToken), cancellationToken).ConfigureAwait(false);
        for (var poll = 0; !status.IsComplete; poll++)
        {
            if (poll == Retry.MaxStatusPolls)
            {
                throw new FederationException(peer.Name, Subject(collection),
                    $"the peer's status {status.Id} is still '{status.Status}' after {poll} reads (section 4.3); the page is sent again at the next push.");
            }

            await Task.Delay(Retry.StatusPollInterval, time, cancellationToken).ConfigureAwait(false);
            status = await WithRetriesAsync(peer, collection, "GET status", () => target.Client.GetStatusAsync(peer.ApiRoot, status.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return status;
    }

    private async Task<TaxiiStatus> WithRetriesAsync(Peer peer, CollectionInfo collection, string what, Func<Task<TaxiiStatus>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (TaxiiException e) when (e.IsRetryable && attempt < Retry.MaxAttempts)
            {
                var delay = e.RetryAfter ?? Retry.Backoff(attempt);
                if (delay > Retry.MaxDelay)
                {
                    throw new FederationException(peer.Name, Subject(collection), $"{what} to {peer.PushTo}: {e.Message}; asked to wait {delay.TotalSeconds:F0} s, longer than {Retry.MaxDelay.TotalSeconds:F0} s, so the next push sends it again.", e);
                }

                await Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TaxiiException e)
            {
                var permanence = e.IsRetryable ? $"gave up after {attempt} attempts" : "a permanent refusal";
                throw new FederationException(peer.Name, Subject(collection), $"{what} to the peer's collection {peer.PushTo}: {e.Message} ({permanence}; nothing of the page is counted as delivered).", e);
            }
        }
    }

    private static ReadOnlyMemory<byte> Envelope(List<ReadOnlyMemory<byte>> objects)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("objects");
            foreach (var json in objects)
            {
                // The stored bytes as they are (a redacted copy is already serialized): nothing is re-encoded.
                writer.WriteRawValue(json.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Subject(CollectionInfo collection) => $"local collection {collection.Id:D}";

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private sealed record PushTarget(Peer Peer, TaxiiClient Client, AuditOrganization Organization, ProvenanceIndex Provenance);

    private sealed class Offer
    {
        public List<ReadOnlyMemory<byte>> Sent { get; } = [];

        public List<AuditObjectRef> Disclosed { get; } = [];

        public List<(AuditObjectRef Reference, IReadOnlyList<Redaction> Redactions)> Redacted { get; } = [];

        public List<(StoredObject Row, string Reason)> Denied { get; } = [];
    }
}
