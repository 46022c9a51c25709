// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Federation;
using Concord.Sharing.Audit;
using Concord.Storage;
using Concord.Taxii.Server.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concord.Cli.Commands.Peer;

/// <summary>
/// Federation inside <c>concord serve</c>: maps <c>GET /federation/peers</c> and syncs each peer on its interval in the
/// background (a pull, then a push to a peer with an inbox) until disposed.
/// </summary>
internal sealed class FederationHost : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly PeerPusher pusher;
    private readonly FederationScheduler scheduler;

    private FederationHost(HttpClient http, PeerPusher pusher, FederationScheduler scheduler)
    {
        this.http = http;
        this.pusher = pusher;
        this.scheduler = scheduler;
    }

    /// <summary>Maps the status endpoint on <paramref name="app"/> (call before it starts) and starts the scheduler.</summary>
    public static async Task<FederationHost> StartAsync(WebApplication app, IConcordStore store, IAuditLog audit, string directory, ResponseSigner signer, CancellationToken cancellationToken)
    {
        var registry = new PeerRegistry(directory);
        var node = await PeerCommand.NodeOrganizationAsync(store, directory, cancellationToken).ConfigureAwait(false);
        app.MapPeerStatus(registry, store, node, TimeProvider.System);
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var puller = new PeerPuller(store, audit, directory, node, http, TimeProvider.System);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concord.Federation");
        var pusher = new PeerPusher(store, audit, directory, signer, TimeProvider.System);
        var scheduler = new FederationScheduler(registry, puller, TimeProvider.System, logger) { Pusher = pusher };
        scheduler.Start();
        return new FederationHost(http, pusher, scheduler);
    }

    public async ValueTask DisposeAsync()
    {
        await scheduler.DisposeAsync().ConfigureAwait(false);
        pusher.Dispose();
        http.Dispose();
    }
}
