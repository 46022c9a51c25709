// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Text.Json;
using Concord.Federation.Tests.Support;
using Concord.Taxii.Server.Accounts;
using Concord.Storage.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Federation.Tests;

public sealed class SchedulerTests : IAsyncLifetime
{
    private TestNode a = null!;
    private TestNode b = null!;
    private WebApplication garbage = null!;

    public async Task InitializeAsync()
    {
        a = await TestNode.StartAsync("a");
        b = await TestNode.StartAsync("b");
        garbage = WebApplication.CreateSlimBuilder().Build();
        garbage.Urls.Add("http://127.0.0.1:0");
        garbage.MapGet("/taxii2/api1/collections/{id}/objects/", (HttpContext context) =>
        {
            context.Response.ContentType = "application/taxii+json;version=2.1";
            return context.Response.WriteAsync("{\"objects\": [ this is not JSON");
        });
        await garbage.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await garbage.StopAsync();
        await garbage.DisposeAsync();
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task A_peer_sending_garbage_does_not_stall_the_others_and_its_error_names_it()
    {
        var bOnA = await a.OrganizationAsync("b");
        var outbox = await a.CollectionAsync("A outbox", a.OrganizationId, bOnA);
        await a.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        await b.OrganizationAsync("a");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(address: 1), StixObjects.Indicator(address: 2)));
        var good = await b.AddPeerAsync(a, outbox);
        var address = new Uri(garbage.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        b.Registry.Add(new Peer("junk", new Uri(address, "/taxii2/api1/"), await b.OrganizationAsync("junk")) { Unsigned = true, Collections = [new PeerCollection("c1", good.Collections[0].LocalId)] });

        await using (var scheduler = new FederationScheduler(b.Registry, b.Puller(), TimeProvider.System, NullLogger.Instance) { RescanInterval = TimeSpan.FromMilliseconds(100) })
        {
            scheduler.Start();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (PeerStatus.Of(b.Registry, DateTimeOffset.UtcNow) is var statuses && !(statuses.Single(s => s.Name == "a").Added == 2 && statuses.Single(s => s.Name == "junk").LastError is not null))
            {
                await Task.Delay(50, patience.Token);
            }
        }

        var status = PeerStatus.Of(b.Registry, DateTimeOffset.UtcNow);
        Assert.Null(status.Single(s => s.Name == "a").LastError);
        Assert.StartsWith("peer 'junk', collection c1: the page is not JSON", status.Single(s => s.Name == "junk").LastError, StringComparison.Ordinal);
        Assert.Equal(2, (await b.ObjectsAsync(good.Collections[0].LocalId)).Count);
    }

    [Fact]
    public async Task The_scheduler_pushes_to_a_peer_with_an_inbox_after_pulling_and_the_status_shows_it()
    {
        await a.OrganizationAsync("b");
        await b.OrganizationAsync("a");
        await a.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        var outbox = await a.CollectionAsync("A outbox", a.OrganizationId);
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(address: 1), StixObjects.Indicator(address: 2)));
        var toB = await a.AddPushPeerAsync(b);
        using var pusher = a.Pusher();

        await using (var scheduler = new FederationScheduler(a.Registry, a.Puller(), TimeProvider.System, NullLogger.Instance) { Pusher = pusher })
        {
            scheduler.Start();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (Assert.Single(PeerStatus.Of(a.Registry, DateTimeOffset.UtcNow)).Pushed < 2)
            {
                await Task.Delay(50, patience.Token);
            }
        }

        var status = Assert.Single(PeerStatus.Of(a.Registry, DateTimeOffset.UtcNow));
        Assert.Null(status.LastPushError);
        Assert.NotNull(status.LastPushAt);
        Assert.Equal(2, (await b.ObjectsAsync(b.Registry.Find("a")!.Inbox!.Value)).Count);
        Assert.Equal(toB.PushTo, status.PushTo);
    }

    [Fact]
    public async Task The_status_endpoint_answers_the_nodes_own_organization_only()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add("http://127.0.0.1:0");
        var outbox = await a.CollectionAsync("A outbox", a.OrganizationId, await a.OrganizationAsync("b"));
        await b.AddPeerAsync(a, outbox);
        app.MapPeerStatus(b.Registry, b.Store, b.OrganizationId, TimeProvider.System);
        await app.StartAsync();
        try
        {
            var url = new Uri(new Uri(app.Urls.Single()), FederationEndpoints.StatusPath);
            var (own, ownHash) = ApiTokens.Create();
            await b.Store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), b.OrganizationId, "admin", ownHash, DateTimeOffset.UtcNow));
            var (peerToken, peerHash) = ApiTokens.Create();
            await b.Store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), await b.OrganizationAsync("a"), "a", peerHash, DateTimeOffset.UtcNow));

            using var anonymous = await b.Http.GetAsync(url);
            using var other = await b.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", peerToken) } });
            using var allowed = await b.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", own) } });

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            using var body = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
            var peer = Assert.Single(body.RootElement.EnumerateArray());
            Assert.Equal("a", peer.GetProperty("name").GetString());
            Assert.Equal(0, peer.GetProperty("added").GetInt64());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
