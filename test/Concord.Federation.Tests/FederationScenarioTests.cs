// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using Concord.Federation.Tests.Support;
using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;

namespace Concord.Federation.Tests;

/// <summary>
/// Three real nodes for organizations a, b and c, each enforcing its own policy: working groups "cyber" (a, b) and "ct"
/// (b, c); an agreement between a and b on both their nodes; none between a and c. B and C both pull A's outbox.
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

    private static string Id(JsonObject obj) => obj["id"]!.GetValue<string>();
}
