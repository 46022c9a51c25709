// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Federation.Tests.Support;
using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;
using Concord.Taxii;
using NSec.Cryptography;

namespace Concord.Federation.Tests;

/// <summary>
/// Pulls between two real nodes: A serves, B pulls from A under an agreement between their organizations. A does not
/// enforce its own exit policy here, so that what B's entry policy refuses actually reaches B (a misbehaving peer).
/// </summary>
public sealed class PullTests : IAsyncLifetime
{
    private TestNode a = null!;
    private TestNode b = null!;
    private Guid outbox;

    public async Task InitializeAsync()
    {
        a = await TestNode.StartAsync("a", enforces: false);
        b = await TestNode.StartAsync("b");
        var bOnA = await a.OrganizationAsync("b");
        outbox = await a.CollectionAsync("A outbox", a.OrganizationId, bOnA);
        await b.OrganizationAsync("a");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "clear", "green", "amber");
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task Objects_pulled_from_a_signed_peer_are_stored_byte_for_byte_with_their_provenance()
    {
        var objects = StixObjects.Json(StixObjects.Indicator(address: 1), StixObjects.Indicator(address: 2), StixObjects.Indicator(TlpLevel.Clear, address: 3));
        await a.AddAsync(outbox, objects);
        var peer = await b.AddPeerAsync(a, outbox);

        var state = await b.Puller().PullAsync(peer);

        Assert.Null(state.LastError);
        var local = peer.Collections[0].LocalId;
        var stored = await b.ObjectsAsync(local);
        Assert.Equal(objects.Order(StringComparer.Ordinal), stored.Select(o => o.GetRawText()).Order(StringComparer.Ordinal));
        var provenance = ProvenanceLog.Read(b.Directory, "a");
        Assert.Equal(3, provenance.Count);
        Assert.All(provenance, record =>
        {
            Assert.Equal(a.IdentityId, record.OriginNode);
            Assert.Equal("a", record.Peer);
            Assert.Equal(local, record.Collection);
        });
        var ingest = Assert.Single(b.Audit.OfKind(AuditEntryKind.Ingest), e => e.Channel == AuditChannels.Federation);
        Assert.Equal(AuditActor.Peer("a"), ingest.Actor);
        Assert.All(ingest.Objects, reference => Assert.Equal("added", reference.Outcome));
    }

    [Fact]
    public async Task A_second_pull_resumes_after_the_last_page_and_fetches_only_what_is_new()
    {
        await a.AddAsync(outbox, StixObjects.Json([.. Enumerable.Range(1, 250).Select(i => StixObjects.Indicator(address: i))]));
        var peer = await b.AddPeerAsync(a, outbox);
        var puller = b.Puller(pageSize: 100);

        var first = await puller.PullAsync(peer);
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(address: 300)));
        var second = await puller.PullAsync(peer);
        var third = await puller.PullAsync(peer);

        var remote = peer.Collections[0].RemoteId;
        Assert.Equal(250, first.Collections[remote].Added);
        Assert.Equal(251, second.Collections[remote].Added);
        Assert.Equal(0, third.Collections[remote].Duplicates);
        Assert.Equal(251, third.Collections[remote].Added);
        Assert.Equal(251, (await b.ObjectsAsync(peer.Collections[0].LocalId)).Count);
    }

    [Fact]
    public async Task Pulling_again_from_the_start_skips_every_version_already_held()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(address: 1), StixObjects.Indicator(address: 2)));
        var peer = await b.AddPeerAsync(a, outbox);
        await b.Puller().PullAsync(peer);
        File.Delete(PeerSyncState.PathOf(b.Directory, "a"));

        var again = await b.Puller().PullAsync(peer);

        var counts = again.Collections[peer.Collections[0].RemoteId];
        Assert.Equal((0, 2), (counts.Added, counts.Duplicates));
        Assert.Equal(2, (await b.ObjectsAsync(peer.Collections[0].LocalId)).Count);
    }

    [Fact]
    public async Task A_page_with_a_bad_signature_is_refused_audited_and_nothing_of_it_is_stored()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator()));
        using var impostor = Key.Create(SignatureAlgorithm.Ed25519);
        var wrongKey = System.Text.Encoding.ASCII.GetString(impostor.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
        var peer = await b.AddPeerAsync(a, outbox, publicKeyPem: wrongKey);

        var state = await b.Puller().PullAsync(peer);

        Assert.Empty(await b.ObjectsAsync(peer.Collections[0].LocalId));
        Assert.Contains("peer 'a', collection " + outbox.ToString("D"), state.LastError, StringComparison.Ordinal);
        Assert.Contains("does not match the response", state.LastError, StringComparison.Ordinal);
        var refused = Assert.Single(b.Audit.OfKind(AuditEntryKind.SignatureRefused));
        Assert.Equal(AuditActor.Peer("a"), refused.Actor);
        Assert.Contains("does not match", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(ProvenanceLog.Read(b.Directory, "a"));
        Assert.Null(state.Collections.GetValueOrDefault(outbox.ToString("D"))?.AddedAfter);
    }

    [Fact]
    public async Task Objects_the_agreement_does_not_cover_are_refused_by_name_and_the_rest_is_stored()
    {
        var red = StixObjects.Indicator(TlpLevel.Red, address: 1);
        var unmarked = StixObjects.Indicator(level: null, address: 2);
        var green = StixObjects.Indicator(TlpLevel.Green, address: 3);
        await a.AddAsync(outbox, StixObjects.Json(red, unmarked, green));
        var peer = await b.AddPeerAsync(a, outbox);

        var state = await b.Puller().PullAsync(peer);

        var stored = Assert.Single(await b.ObjectsAsync(peer.Collections[0].LocalId));
        Assert.Equal(green["id"]!.GetValue<string>(), stored.GetProperty("id").GetString());
        var counts = state.Collections[outbox.ToString("D")];
        Assert.Equal(2, counts.Refused);
        Assert.Contains(unmarked["id"]!.GetValue<string>(), counts.LastRefusal, StringComparison.Ordinal);
        Assert.Contains("is not accepted from this peer", counts.LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_the_agreement_does_not_allow_is_masked_on_entry()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(description: "Reported by jane.doe@example.org from her home office.")));
        var peer = await b.AddPeerAsync(a, outbox);

        await b.Puller().PullAsync(peer);

        var stored = Assert.Single(await b.ObjectsAsync(peer.Collections[0].LocalId));
        Assert.DoesNotContain("jane.doe@example.org", stored.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_pulls_from_an_unsigned_TAXII_server_only_when_the_peer_is_configured_unsigned()
    {
        await using var plain = await TestNode.StartAsync("plain", signs: false, enforces: false);
        var bOnPlain = await plain.OrganizationAsync("b");
        var collection = await plain.CollectionAsync("feed", plain.OrganizationId, bOnPlain);
        await plain.AddAsync(collection, StixObjects.Json(StixObjects.Indicator()));
        await b.OrganizationAsync("plain");
        await b.AgreementAsync("plain-b", ["org:plain", "org:b"], "green");
        var signed = await b.AddPeerAsync(plain, collection);
        var refused = await b.Puller().PullAsync(signed);
        b.Registry.Remove("plain");
        var unsigned = await b.AddPeerAsync(plain, collection, unsigned: true);

        var accepted = await b.Puller().PullAsync(unsigned);

        Assert.Contains("has no X-Concord-Signature header", refused.LastError, StringComparison.Ordinal);
        Assert.Null(accepted.LastError);
        Assert.Single(await b.ObjectsAsync(unsigned.Collections[0].LocalId));
        Assert.Equal("plain", Assert.Single(ProvenanceLog.Read(b.Directory, "plain")).OriginNode);
    }

    [Fact]
    public async Task A_peer_that_is_down_is_reported_by_name_and_leaves_no_state_behind()
    {
        var peer = await b.AddPeerAsync(a, outbox);
        var down = peer with { ApiRoot = new Uri("http://127.0.0.1:1/taxii2/api1/") };

        var state = await b.Puller().PullAsync(down);

        Assert.StartsWith("peer 'a', collection ", state.LastError, StringComparison.Ordinal);
        Assert.Null(state.LastSuccessAt);
        Assert.Empty(await b.ObjectsAsync(peer.Collections[0].LocalId));
    }

    [Fact]
    public async Task Other_TAXII_clients_read_a_signing_node_unchanged()
    {
        var objects = StixObjects.Json(StixObjects.Indicator(address: 1), StixObjects.Indicator(address: 2));
        await a.AddAsync(outbox, objects);
        var variable = await a.TokenVariableAsync(await a.OrganizationAsync("b"));
        var client = new TaxiiClient(b.Http, TaxiiCredentials.Bearer(Environment.GetEnvironmentVariable(variable)!));

        var received = new List<string>();
        await foreach (var item in client.GetAllObjectsAsync(a.ApiRoot, outbox.ToString("D"), new TaxiiQuery { Limit = 1 }))
        {
            received.Add(item.GetRawText());
        }

        Assert.Equal(objects, received);
    }
}
