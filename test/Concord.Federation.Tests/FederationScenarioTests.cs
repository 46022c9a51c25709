// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json.Nodes;
using Concord.Detection;
using Concord.Federation.Tests.Support;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;

namespace Concord.Federation.Tests;

/// <summary>
/// Three real nodes for organizations a, b and c, each enforcing its own policy: working groups "cyber" (a, b) and "ct"
/// (b, c); an agreement between a and b on both their nodes; none between a and c. B and C both pull A's outbox; B
/// pushes to A and C (an agreement between b and c on both their nodes).
/// </summary>
public sealed class FederationScenarioTests : IAsyncLifetime
{
    private TestNode a = null!;
    private TestNode b = null!;
    private TestNode c = null!;
    private Guid outbox;
    private Guid bOnA;

    public async Task InitializeAsync()
    {
        a = await TestNode.StartAsync("a");
        b = await TestNode.StartAsync("b");
        c = await TestNode.StartAsync("c");
        foreach (var node in new[] { a, b, c })
        {
            await node.WorkingGroupAsync("cyber", "a", "b");
            await node.WorkingGroupAsync("ct", "b", "c");
        }

        bOnA = await a.OrganizationAsync("b");
        outbox = await a.CollectionAsync("A outbox", a.OrganizationId, bOnA, await a.OrganizationAsync("c"));
        await a.AgreementAsync("a-b", ["org:a", "org:b"], "clear", "green", "amber", "red");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "clear", "green", "amber", "red");
    }

    public async Task DisposeAsync()
    {
        await c.DisposeAsync();
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task Intelligence_from_A_reaches_B_under_their_agreement_and_never_C()
    {
        var amber = StixObjects.Indicator(TlpLevel.Amber, address: 1);
        var red = StixObjects.Indicator(TlpLevel.Red, address: 2).NamingRecipients(bOnA);
        var personal = StixObjects.Indicator(TlpLevel.Green, "Reported by jane.doe@example.org.", address: 3);
        await a.AddAsync(outbox, StixObjects.Json(amber, red, personal));
        var fromAtB = await b.AddPeerAsync(a, outbox);
        var fromAtC = await c.AddPeerAsync(a, outbox);

        var atB = await b.Puller().PullAsync(fromAtB);
        var atC = await c.Puller().PullAsync(fromAtC);

        Assert.Null(atB.LastError);
        Assert.Null(atC.LastError);
        var received = await b.ObjectsAsync(fromAtB.Collections[0].LocalId);
        Assert.Equal(new[] { amber, red, personal }.Select(Id).Order(StringComparer.Ordinal), received.Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(received, o => o.GetRawText().Contains("jane.doe@example.org", StringComparison.Ordinal));
        Assert.Empty(await c.ObjectsAsync(fromAtC.Collections[0].LocalId));
        Assert.Contains(a.Audit.OfKind(AuditEntryKind.Denial), denial => denial.Organization?.Name == "c");
        Assert.All(ProvenanceLog.Read(b.Directory, "a"), record => Assert.Equal(a.IdentityId, record.OriginNode));
    }

    [Fact]
    public async Task A_TLP_RED_object_naming_B_reaches_B_only()
    {
        var red = StixObjects.Indicator(TlpLevel.Red).NamingRecipients(bOnA);
        await a.AddAsync(outbox, StixObjects.Json(red));
        var fromAtB = await b.AddPeerAsync(a, outbox);
        var fromAtC = await c.AddPeerAsync(a, outbox);

        await b.Puller().PullAsync(fromAtB);
        await c.Puller().PullAsync(fromAtC);

        Assert.Equal(Id(red), Assert.Single(await b.ObjectsAsync(fromAtB.Collections[0].LocalId)).GetProperty("id").GetString());
        Assert.Empty(await c.ObjectsAsync(fromAtC.Collections[0].LocalId));
    }

    [Fact]
    public async Task A_sighting_made_on_B_returns_to_A_and_never_reaches_C()
    {
        var (toA, toC, sighting) = await SightOnBAsync();
        using var pusher = b.Pusher();

        var atA = await pusher.PushAsync(toA);
        var atC = await pusher.PushAsync(toC);

        Assert.Null(atA.LastError);
        Assert.Null(atC.LastError);
        var returned = Assert.Single(await a.ObjectsAsync(a.Registry.Find("b")!.Inbox!.Value));
        Assert.Equal(sighting, returned.GetProperty("id").GetString());
        Assert.Equal(a.IdentityId, ProvenanceLog.Read(b.Directory, "a").Single().OriginNode);
        Assert.Equal(b.IdentityId, Assert.Single(ProvenanceLog.Read(a.Directory, "b")).OriginNode);
        Assert.Empty(await c.ObjectsAsync(c.Registry.Find("b")!.Inbox!.Value));
        Assert.DoesNotContain(b.Audit.OfKind(AuditEntryKind.Disclosure), e => e.Organization?.Name == "c" && e.Objects.Any(o => o.Id == sighting));
    }

    [Fact]
    public async Task A_sighting_is_not_sent_back_when_no_agreement_allows_sightings_and_the_refusal_is_audited()
    {
        var (toA, _, sighting) = await SightOnBAsync();
        await b.Sharing.RevokeAgreementAsync("a-b", AuditActor.Local("test"), AuditChannels.Cli);
        await b.Sharing.AddAgreementAsync(new AgreementRequest { Name = "a-b without sightings", Parties = ["org:a", "org:b"], Tlp = ["green", "amber"], ExcludeTypes = ["sighting"] },
            AuditActor.Local("test"), AuditChannels.Cli);
        using var pusher = b.Pusher();

        var state = await pusher.PushAsync(toA);

        Assert.Null(state.LastError);
        Assert.Empty(await a.ObjectsAsync(a.Registry.Find("b")!.Inbox!.Value));
        var denial = Assert.Single(b.Audit.OfKind(AuditEntryKind.Denial), e => e.Objects.Any(o => o.Id == sighting));
        Assert.Equal("a", denial.Organization?.Name);
        Assert.Equal(AuditChannels.Federation, denial.Channel);
    }

    /// <summary>
    /// An indicator created on A is pulled by B; B's detection sights it in a telemetry line and B keeps the sighting
    /// (TLP:AMBER) in a collection of its own. B is set up to push to A and C.
    /// </summary>
    private async Task<(Peer ToA, Peer ToC, string Sighting)> SightOnBAsync()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(TlpLevel.Green, address: 7)));
        var fromA = await b.AddPeerAsync(a, outbox);
        Assert.Null((await b.Puller().PullAsync(fromA)).LastError);
        await b.AgreementAsync("b-c", ["org:b", "org:c"], "green", "amber");
        await c.AgreementAsync("b-c", ["org:b", "org:c"], "green", "amber");
        var toA = await b.AddPushPeerAsync(a);
        var toC = await b.AddPushPeerAsync(c);

        var engine = new DetectionEngine();
        foreach (var indicator in await b.ObjectsAsync(fromA.Collections[0].LocalId))
        {
            engine.Apply(indicator);
        }

        var matches = new List<DetectionMatch>();
        engine.ProcessLine(Encoding.UTF8.GetBytes("{\"event\": \"flow\", \"time\": \"2024-06-01T10:00:00Z\", \"src_ip\": \"10.0.0.5\", \"dst_ip\": \"198.51.0.7\"}"), matches);
        var aggregator = new SightingAggregator(b.IdentityId, TimeSpan.FromHours(1));
        aggregator.Add(Assert.Single(matches));
        var sighting = JsonNode.Parse(Assert.Single(aggregator.CloseAll()).Json.GetRawText())!.AsObject();
        sighting["object_marking_refs"] = new JsonArray(TlpMarkings.Tlp2IdOf(TlpLevel.Amber));
        await b.AddAsync(await b.CollectionAsync("B sightings", b.OrganizationId), sighting.ToJsonString());
        return (toA, toC, Id(sighting));
    }

    private static string Id(JsonObject obj) => obj["id"]!.GetValue<string>();
}
