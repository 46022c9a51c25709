// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Concord.Sharing.Audit;
using Concord.Storage;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Sharing;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Concord.Taxii.Tests.Support;

/// <summary>
/// A node with the sharing policy enforced: a store (<see cref="TestStores"/>) and a real audit log in a temporary directory, organizations
/// with API tokens, owned collections, working groups and agreements set up before <see cref="StartAsync"/> starts Kestrel
/// on a loopback port it picks.
/// </summary>
public sealed class PolicyNode : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-policy-" + Guid.NewGuid().ToString("N"));
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Dictionary<Guid, string> tokens = [];
    private readonly string? schema;
    private WebApplication? app;
    private AuditLog? audit;

    public PolicyNode()
    {
        Directory.CreateDirectory(directory);
        (Store, schema) = TestStores.OpenAsync(directory).GetAwaiter().GetResult();
    }

    public IConcordStore Store { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress { get; private set; } = null!;

    public string AuditDirectory => Path.Combine(directory, "audit");

    public async Task<Guid> OrganizationAsync(string name)
    {
        var organization = await Store.CreateOrganizationAsync(name);
        var (token, hash) = ApiTokens.Create();
        await Store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), organization.Id, name + "-token", hash, DateTimeOffset.UtcNow));
        tokens[organization.Id] = token;
        return organization.Id;
    }

    public async Task<Guid> GroupAsync(string name, params Guid[] members)
    {
        var group = await Store.CreateWorkingGroupAsync(name);
        foreach (var member in members)
        {
            await Store.AddWorkingGroupMemberAsync(group.Id, member);
        }

        return group.Id;
    }

    /// <summary>A collection owned by an organization (or, with <paramref name="group"/>, by a working group), readable by <paramref name="readers"/>.</summary>
    public async Task<Guid> CollectionAsync(Guid? owner, Guid? group, params Guid[] readers)
    {
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "policy " + Guid.NewGuid().ToString("N")[..6]) { OwnerOrganizationId = owner };
        await Store.CreateCollectionAsync(collection);
        if (group is { } g)
        {
            await Store.SetCollectionWorkingGroupAsync(collection.Id, g);
        }

        foreach (var reader in readers)
        {
            await Store.SetGrantAsync(new CollectionGrant(collection.Id, reader, true, reader == owner));
        }

        return collection.Id;
    }

    public Task AgreementAsync(Agreement agreement) => Store.CreateAgreementAsync(agreement);

    public async Task AddAsync(Guid collection, IEnumerable<string> objects) =>
        await Store.AddObjectsAsync(collection, [.. objects.Select(json => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(json))]);

    /// <summary>
    /// Starts the server; the users and tokens of <paramref name="administrators"/> may use the admin API. The server
    /// records to a real audit log in <see cref="AuditDirectory"/> unless <paramref name="auditLog"/> replaces it.
    /// </summary>
    public async Task StartAsync(Guid? administrators = null, IAuditLog? auditLog = null)
    {
        if (auditLog is null)
        {
            audit = await AuditLog.OpenAsync(new AuditLogOptions { Directory = AuditDirectory, SigningKey = key, NodeId = "identity--" + Guid.NewGuid().ToString("D") });
        }

        var options = new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], DefaultPageSize = 100, MaxPageSize = 1000, AdministratorOrganizationId = administrators };
        app = TaxiiServerApplication.Build(Store, options, audit: auditLog ?? audit);
        await app.StartAsync();
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri CollectionUrl(Guid collection, string rest = "") => new(BaseAddress, $"/taxii2/api1/collections/{collection:D}/{rest}");

    /// <summary>A GET with TAXII Accept and the organization's token.</summary>
    public Task<Response> GetAsync(Guid organization, Uri url) => SendAsync(HttpMethod.Get, url, organization);

    /// <summary>A request with TAXII Accept, the organization's token (none when null) and a JSON body (none when null).</summary>
    public async Task<Response> SendAsync(HttpMethod method, Uri url, Guid? organization, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Accept", TaxiiMediaTypes.Taxii21);
        if (organization is { } caller)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[caller]);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Response(
            (int)response.StatusCode,
            body,
            response.Headers.TryGetValues("X-TAXII-Date-Added-First", out var first) ? first.Single() : null,
            response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var last) ? last.Single() : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (audit is not null)
        {
            await audit.DisposeAsync();
        }

        await Store.DisposeAsync();
        await TestStores.DropAsync(schema);
        key.Dispose();
        Http.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>What a GET answered.</summary>
    public sealed record Response(int Status, string Body, string? DateAddedFirst, string? DateAddedLast)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The body without the error resource's per-request <c>error_id</c>, for comparing two error answers.</summary>
        public string WithoutErrorId
        {
            get
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
                node.Remove("error_id");
                return node.ToJsonString();
            }
        }

        /// <summary>The <c>id</c> of each object of an envelope, or of each manifest record.</summary>
        public IReadOnlyList<string> Ids => Json.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!)] : [];

        public IReadOnlyList<string> Versions => Json.TryGetProperty("versions", out var versions) ? [.. versions.EnumerateArray().Select(v => v.GetString()!)] : [];
    }
}
