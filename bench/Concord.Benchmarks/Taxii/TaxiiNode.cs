// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Sqlite;
using Concord.Taxii;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concord.Benchmarks.Taxii;

/// <summary>A real TAXII server (Kestrel on a loopback port) over a fresh SQLite store, with one collection and a Bearer token.</summary>
internal sealed class TaxiiNode : IDisposable
{
    private readonly WebApplication app;

    private TaxiiNode(string folder, SqliteStore store, WebApplication app, Uri baseAddress, string collection, string token)
    {
        Folder = folder;
        Store = store;
        this.app = app;
        BaseAddress = baseAddress;
        Collection = collection;
        Token = token;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(5) };
        Client = new TaxiiClient(Http, TaxiiCredentials.Bearer(token));
    }

    public string Folder { get; }

    public SqliteStore Store { get; }

    public Uri BaseAddress { get; }

    public Uri ApiRoot => new(BaseAddress, "/taxii2/api1/");

    public Uri Discovery => new(BaseAddress, "/taxii2/");

    public string Collection { get; }

    public string Token { get; }

    public HttpClient Http { get; }

    public TaxiiClient Client { get; }

    public static TaxiiNode Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-bench-taxii-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = SqliteStore.Open(Path.Combine(folder, "store.db"));
        var organization = store.CreateOrganizationAsync("bench").GetAwaiter().GetResult();
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "bench");
        store.CreateCollectionAsync(collection).GetAwaiter().GetResult();
        store.SetGrantAsync(new CollectionGrant(collection.Id, organization.Id, true, true)).GetAwaiter().GetResult();
        var (token, hash) = ApiTokens.Create();
        store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), organization.Id, "bench", hash, DateTimeOffset.UtcNow)).GetAwaiter().GetResult();
        var app = TaxiiServerApplication.Build(store, new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], EnforceSharingPolicy = false }, logging => logging.SetMinimumLevel(LogLevel.Error));
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TaxiiNode(folder, store, app, new Uri(address), collection.Id.ToString("D"), token);
    }

    public void Dispose()
    {
        Http.Dispose();
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The objects as TAXII envelopes of <paramref name="size"/> objects each, serialized once.</summary>
    public static byte[][] Envelopes(ReadOnlyMemory<byte>[] objects, int size)
    {
        var envelopes = new List<byte[]>();
        for (var i = 0; i < objects.Length; i += size)
        {
            using var buffer = new MemoryStream();
            buffer.Write("{\"objects\":["u8);
            for (var j = i; j < Math.Min(i + size, objects.Length); j++)
            {
                if (j > i)
                {
                    buffer.WriteByte((byte)',');
                }

                buffer.Write(objects[j].Span);
            }

            buffer.Write("]}"u8);
            envelopes.Add(buffer.ToArray());
        }

        return [.. envelopes];
    }
}
