// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Sqlite;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Taxii.Tests.Support;

/// <summary>
/// The real server (Kestrel on a loopback port it picks) over a SQLite store in a temporary directory, with three
/// organizations: alpha (the node), beta and gamma, their users and tokens, and collections with different grants.
/// </summary>
public sealed class TaxiiServerFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const long MaxContentLength = 1024 * 1024;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-taxii-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public SqliteStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Discovery => new(BaseAddress, "/taxii2/");

    public Uri ApiRoot => new(BaseAddress, "/taxii2/api1/");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Guid AlphaId { get; private set; }

    public string AlphaToken { get; private set; } = null!;

    public string BetaToken { get; private set; } = null!;

    public string GammaToken { get; private set; } = null!;

    /// <summary>alpha read/write, beta read.</summary>
    public string Shared { get; private set; } = null!;

    /// <summary>alpha read/write, beta write only.</summary>
    public string Dropbox { get; private set; } = null!;

    /// <summary>alpha only.</summary>
    public string Secret { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        Store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        var alpha = await Store.CreateOrganizationAsync("alpha");
        var beta = await Store.CreateOrganizationAsync("beta");
        var gamma = await Store.CreateOrganizationAsync("gamma");
        AlphaId = alpha.Id;
        var hash = PasswordHashing.Hash(Password);
        await Store.CreateUserAsync(alpha.Id, "alice", hash);
        await Store.CreateUserAsync(beta.Id, "bob", hash);
        await Store.CreateUserAsync(alpha.Id, "dave", hash);
        AlphaToken = await TokenAsync(alpha.Id);
        BetaToken = await TokenAsync(beta.Id);
        GammaToken = await TokenAsync(gamma.Id);
        Shared = await CollectionAsync("Shared", (alpha.Id, true, true), (beta.Id, true, false));
        Dropbox = await CollectionAsync("Dropbox", (alpha.Id, true, true), (beta.Id, false, true));
        Secret = await CollectionAsync("Secret", (alpha.Id, true, true));

        app = TaxiiServerApplication.Build(Store, new TaxiiServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            MaxContentLength = MaxContentLength,
            DefaultPageSize = 100,
            MaxPageSize = 5000,
            MaxFailedLogins = 3,
            LockoutDuration = TimeSpan.FromMinutes(5),

            // Transport tests: the sharing policy has its own fixture (PolicyServerFixture).
            EnforceSharingPolicy = false,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Store.DisposeAsync();
        Http.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    public TaxiiClient Client(string token) => new(Http, TaxiiCredentials.Bearer(token));

    public TaxiiClient Alpha => Client(AlphaToken);

    public Uri Url(string relative) => new(BaseAddress, relative);

    public Uri CollectionUrl(string collection, string rest = "") => new(ApiRoot, $"collections/{collection}/{rest}");

    /// <summary>A raw request with TAXII Accept and the given token.</summary>
    public HttpRequestMessage Request(HttpMethod method, Uri url, string? token = null, string accept = TaxiiMediaTypes.Taxii21)
    {
        var request = new HttpRequestMessage(method, url);
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task<string> CollectionAsync(string title, params (Guid Organization, bool Read, bool Write)[] grants)
    {
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", title);
        await Store.CreateCollectionAsync(collection);
        foreach (var (organization, read, write) in grants)
        {
            await Store.SetGrantAsync(new CollectionGrant(collection.Id, organization, read, write));
        }

        return collection.Id.ToString("D");
    }

    private async Task<string> TokenAsync(Guid organization)
    {
        var (token, hash) = ApiTokens.Create();
        await Store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), organization, "test", hash, DateTimeOffset.UtcNow));
        return token;
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<TaxiiServerFixture>
{
    public const string Name = "server";
}
