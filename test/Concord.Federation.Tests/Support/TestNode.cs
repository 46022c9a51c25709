// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;
using Concord.Taxii.Server.Signing;
using Concord.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Concord.Federation.Tests.Support;

/// <summary>
/// A real node in process: its own temporary data directory, SQLite store, Ed25519 key and Kestrel server on a loopback
/// port it picks, serving TAXII with signed responses (unless told not to). Its organization is named after it.
/// </summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly Key key;
    private WebApplication? app;
    private int posts;

    private TestNode(string name, string directory, SqliteStore store, Key key)
    {
        Name = name;
        Directory = directory;
        Store = store;
        this.key = key;
        IdentityId = "identity--" + Guid.NewGuid().ToString("D");
        Registry = new PeerRegistry(directory);
    }

    public string Name { get; }

    public string Directory { get; }

    public SqliteStore Store { get; }

    public string IdentityId { get; }

    public Guid OrganizationId { get; private set; }

    public Uri ApiRoot { get; private set; } = null!;

    public RecordingAuditLog Audit { get; } = new();

    public PeerRegistry Registry { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string PublicKeyPem => Encoding.ASCII.GetString(key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));

    public SharingAdministration Sharing => new(Store, Audit, TimeProvider.System);

    /// <summary>Statuses answered, one each, to the next POSTs instead of handling them (a failing or overloaded node).</summary>
    public Queue<int> PostFailures { get; } = new();

    /// <summary>The <c>Retry-After</c> seconds sent with each of <see cref="PostFailures"/>; none when null.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Runs after a POST was handled (its objects stored) and before its response is sent.</summary>
    public Action? AfterPost { get; set; }

    /// <summary>The POSTs that reached the node.</summary>
    public int Posts => Volatile.Read(ref posts);

    /// <summary>Starts a node; <paramref name="enforces"/> off makes it a peer that sends whatever its grants allow, as a misbehaving node would.</summary>
    public static async Task<TestNode> StartAsync(string name, bool signs = true, bool enforces = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"concord-federation-{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var node = new TestNode(name, directory, SqliteStore.Open(Path.Combine(directory, "concord.db")), key);
        node.OrganizationId = (await node.Store.CreateOrganizationAsync(name)).Id;
        node.app = TaxiiServerApplication.Build(node.Store, new TaxiiServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            DefaultPageSize = 100,
            Signer = signs ? new ResponseSigner(key, node.IdentityId) : null,
            EnforceSharingPolicy = enforces,
            IngestGate = new PeerIngestGate(node.Store, node.Audit, directory, node.OrganizationId, TimeProvider.System),
        }, audit: node.Audit);
        node.app.Use(node.InterceptPostAsync);
        await node.app.StartAsync();
        var address = node.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        node.ApiRoot = new Uri(new Uri(address), "/taxii2/api1/");
        return node;
    }

    /// <summary>
    /// Makes this node push to <paramref name="receiver"/>: the receiver knows this node as a peer (its public key) with an
    /// inbox owned by this node's organization there, and this node knows the receiver as a peer whose inbox it pushes to.
    /// Peers that exist on either side are kept, with the push settings added.
    /// </summary>
    public async Task<Peer> AddPushPeerAsync(TestNode receiver)
    {
        var usThere = await receiver.OrganizationAsync(Name);
        var inbox = await receiver.CollectionAsync($"inbox of {Name}", usThere, receiver.OrganizationId);
        var known = receiver.Registry.Find(Name);
        receiver.Registry.Remove(Name);
        receiver.Registry.Add((known ?? new Peer(Name, ApiRoot, usThere) { PublicKeyPem = PublicKeyPem }) with { Inbox = inbox });
        var existing = Registry.Find(receiver.Name);
        Registry.Remove(receiver.Name);
        var peer = (existing ?? new Peer(receiver.Name, receiver.ApiRoot, await OrganizationAsync(receiver.Name)) { PublicKeyPem = receiver.PublicKeyPem })
            with { TokenVariable = await receiver.TokenVariableAsync(usThere), PushTo = inbox.ToString("D") };
        Registry.Add(peer);
        return peer;
    }

    /// <summary>This node's pusher, retrying fast (tests must not wait for real backoff).</summary>
    public PeerPusher Pusher(int pageSize = 100) => new(Store, Audit, Directory, new ResponseSigner(key, IdentityId), TimeProvider.System)
    {
        PageSize = pageSize,
        Retry = new PushRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    public async Task<Guid> OrganizationAsync(string name) =>
        (await Store.FindOrganizationAsync(name) ?? await Store.CreateOrganizationAsync(name)).Id;

    /// <summary>A collection owned by an organization, readable by the given organizations.</summary>
    public async Task<Guid> CollectionAsync(string title, Guid owner, params Guid[] readers)
    {
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", title) { OwnerOrganizationId = owner };
        await Store.CreateCollectionAsync(collection);
        await Store.SetGrantAsync(new CollectionGrant(collection.Id, owner, CanRead: true, CanWrite: true));
        foreach (var reader in readers)
        {
            await Store.SetGrantAsync(new CollectionGrant(collection.Id, reader, CanRead: true, CanWrite: false));
        }

        return collection.Id;
    }

    /// <summary>A new API token of an organization, put in a process environment variable whose name is returned.</summary>
    public async Task<string> TokenVariableAsync(Guid organization)
    {
        var (token, hash) = ApiTokens.Create();
        await Store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), organization, "peer", hash, DateTimeOffset.UtcNow));
        var variable = $"CONCORD_TEST_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, token);
        return variable;
    }

    public Task AgreementAsync(string name, string[] parties, params string[] tlp) =>
        Sharing.AddAgreementAsync(new AgreementRequest { Name = name, Parties = parties, Tlp = tlp }, AuditActor.Local("test"), AuditChannels.Cli);

    public async Task WorkingGroupAsync(string name, params string[] organizations)
    {
        await Sharing.AddGroupAsync(name, null, AuditActor.Local("test"), AuditChannels.Cli);
        foreach (var organization in organizations)
        {
            await OrganizationAsync(organization);
            await Sharing.AddMemberAsync(name, organization, AuditActor.Local("test"), AuditChannels.Cli);
        }
    }

    public async Task AddAsync(Guid collection, params string[] objects)
    {
        var results = await Store.AddObjectsAsync(collection, [.. objects.Select(json => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(json))]);
        Assert.All(results, result => Assert.True(result.IsSuccess, result.Message));
    }

    public async Task<IReadOnlyList<JsonElement>> ObjectsAsync(Guid collection)
    {
        var page = await Store.GetObjectsAsync(collection, new ObjectQuery { Limit = 100_000, Versions = VersionFilter.AllVersions });
        return [.. page.Items.Select(item => JsonDocument.Parse(item.Json).RootElement.Clone())];
    }

    public PeerPuller Puller(int pageSize = 100) => new(Store, Audit, Directory, OrganizationId, Http, TimeProvider.System) { PageSize = pageSize };

    /// <summary>Registers <paramref name="source"/> as a peer of this node: its organization, a token of it on the source, and a local collection per pulled collection.</summary>
    public async Task<Peer> AddPeerAsync(TestNode source, Guid remoteCollection, string? publicKeyPem = null, bool unsigned = false)
    {
        var peerOrganization = await OrganizationAsync(source.Name);
        var ourOrganizationThere = await source.OrganizationAsync(Name);
        var local = await CollectionAsync($"from {source.Name}", peerOrganization, OrganizationId);
        var peer = new Peer(source.Name, source.ApiRoot, peerOrganization)
        {
            PublicKeyPem = unsigned ? null : publicKeyPem ?? source.PublicKeyPem,
            Unsigned = unsigned,
            TokenVariable = await source.TokenVariableAsync(ourOrganizationThere),
            Collections = [new PeerCollection(remoteCollection.ToString("D"), local)],
        };
        Registry.Add(peer);
        return peer;
    }

    private async Task InterceptPostAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }

        Interlocked.Increment(ref posts);
        if (PostFailures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            if (RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return;
        }

        if (AfterPost is not { } after)
        {
            await next(context);
            return;
        }

        // The response is held back until the hook has run, so that what the hook does happens before the client hears back.
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var held = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(held);
        try
        {
            await next(context);
            await held.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        after();
        await original.Stream.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Store.DisposeAsync();
        key.Dispose();
        Http.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
