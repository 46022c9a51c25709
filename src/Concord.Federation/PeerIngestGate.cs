// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;
using Concord.Storage;
using Concord.Storage.Sharing;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Signing;
using NSec.Cryptography;

namespace Concord.Federation;

/// <summary>
/// The receiving side of a push (<see cref="PeerPusher"/>), plugged into the TAXII server as its <see cref="IIngestGate"/>:
/// a POST made with the token of a peer's organization must carry a valid request signature from that peer's key (unless
/// the peer is configured as unsigned), each object goes through the same entry policy as a pulled one
/// (<see cref="EntryPolicy"/>), and the provenance of what is accepted is recorded before it is stored.
/// </summary>
/// <remarks>
/// A missing signature is answered 401 and a bad one 403, both audited as <c>signature-refused</c>; nothing of the body is
/// parsed. Posts by organizations that are not peers pass unchanged. Thread-safe.
/// </remarks>
public sealed class PeerIngestGate : IIngestGate
{
    private readonly IAuditLog audit;
    private readonly PeerRegistry registry;
    private readonly SharingPolicySource policy;
    private readonly TimeProvider time;
    private readonly Guid receiver;
    private readonly ConcurrentDictionary<string, PublicKey> keys = new(StringComparer.Ordinal);

    /// <summary>Creates the gate.</summary>
    /// <param name="store">The local store (the sharing model).</param>
    /// <param name="audit">The node's audit log.</param>
    /// <param name="dataDirectory">The data directory (peers, provenance).</param>
    /// <param name="receiver">The node's own organization: the recipient the entry policy decides for.</param>
    /// <param name="time">The clock.</param>
    public PeerIngestGate(IConcordStore store, IAuditLog audit, string dataDirectory, Guid receiver, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        this.audit = audit;
        this.time = time;
        this.receiver = receiver;
        registry = new PeerRegistry(dataDirectory);
        policy = new SharingPolicySource(store, time);
    }

    /// <inheritdoc />
    public async Task<IIngestScreen?> OpenAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Peer? peer;
        try
        {
            peer = registry.List().FirstOrDefault(peer => peer.OrganizationId == request.OrganizationId);
        }
        catch (FederationException e)
        {
            // Without the peer list the request cannot be told apart from a peer's, so it is not taken; the sender retries.
            throw new IngestRefusedException(503, $"The node's peer configuration cannot be read, so pushes are not taken now: {e.Message}");
        }

        if (peer is null)
        {
            return null;
        }

        var originNode = peer.Name;
        if (!peer.Unsigned)
        {
            var key = KeyOf(peer);

            originNode = EnvelopeSignature.VerifyRequest(key, request.Signature, request.Method, request.RequestTarget, request.Body.Span, out var failure)
                ?? await RefuseAsync(peer, request, failure, cancellationToken).ConfigureAwait(false);
        }

        var current = await policy.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new Screen(this, peer, originNode, request.CollectionId, current.For(receiver, SharingParty.Organization(peer.OrganizationId), AuditChannels.Federation));
    }

    /// <summary>The peer's public key, imported once per configured PEM (not on every POST).</summary>
    private PublicKey KeyOf(Peer peer)
    {
        var pem = peer.PublicKeyPem ?? string.Empty;
        if (keys.TryGetValue(pem, out var known))
        {
            return known;
        }

        try
        {
            return keys[pem] = PublicKey.Import(SignatureAlgorithm.Ed25519, System.Text.Encoding.ASCII.GetBytes(pem), KeyBlobFormat.PkixPublicKeyText);
        }
        catch (FormatException)
        {
            throw new IngestRefusedException(403, $"The public key configured here for peer '{peer.Name}' is not an Ed25519 public key in PEM, so its pushes cannot be verified.");
        }
    }

    private async Task<string> RefuseAsync(Peer peer, IngestRequest request, string failure, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEvent(AuditEntryKind.SignatureRefused)
        {
            Actor = AuditActor.Peer(peer.Name),
            Channel = AuditChannels.Federation,
            Reason = failure,
            Details = new JsonObject { ["peer"] = peer.Name, ["request"] = $"{request.Method} {request.RequestTarget}", ["collection"] = request.CollectionId.ToString("D") },
        }, cancellationToken).ConfigureAwait(false);
        throw new IngestRefusedException(request.Signature is null ? 401 : 403,
            $"A push from peer '{peer.Name}' must be signed with its node key: {failure}. Nothing of the request was stored.");
    }

    private sealed class Screen(PeerIngestGate gate, Peer peer, string originNode, Guid collection, RecipientView view) : IIngestScreen
    {
        public Task<IReadOnlyList<IngestVerdict>> ScreenAsync(IReadOnlyList<JsonElement> objects, CancellationToken cancellationToken)
        {
            var receivedAt = gate.time.GetUtcNow();
            var verdicts = new IngestVerdict[objects.Count];
            var provenance = new List<Provenance>(objects.Count);
            for (var index = 0; index < objects.Count; index++)
            {
                var item = objects[index];
                var id = item.GetProperty("id").GetString()!;
                var version = EntryPolicy.VersionOf(item) ?? string.Empty;
                ReadOnlyMemory<byte> json = JsonMarshal.GetRawUtf8Value(item).ToArray();
                var decision = EntryPolicy.Decide(view, item, new ObjectVersion(id, item.GetProperty("type").GetString()!, version, json));
                if (!decision.Discloses)
                {
                    verdicts[index] = new IngestVerdict(default, string.Create(CultureInfo.InvariantCulture, $"{id} is not accepted from peer '{peer.Name}': {decision.Reason}"));
                    continue;
                }

                verdicts[index] = new IngestVerdict(decision.Outcome == PolicyOutcome.Redact && decision.Redactions.Count > 0 ? Redactor.Apply(json, decision.Redactions) : json, null);
                provenance.Add(new Provenance(collection, id, version, originNode, peer.Name, receivedAt));
            }

            if (provenance.Count > 0)
            {
                ProvenanceLog.Append(gate.registry.DataDirectory, peer.Name, provenance);
            }

            return Task.FromResult<IReadOnlyList<IngestVerdict>>(verdicts);
        }
    }
}
