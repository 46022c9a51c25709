// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>The HTTP admin API under /api/v1/: administrators only, JSON in and out, errors as JSON, changes audited and applied at once.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private Guid admin;
    private Guid partner;
    private Guid collection;
    private string amber = string.Empty;

    private PolicyNode Node { get; } = new();

    public async Task InitializeAsync()
    {
        admin = await Node.OrganizationAsync("node");
        partner = await Node.OrganizationAsync("partner");
        collection = await Node.CollectionAsync(admin, null, admin, partner);
        amber = "indicator--" + Guid.NewGuid().ToString("D");
        await Node.AddAsync(collection, [$$"""{"type":"indicator","spec_version":"2.1","id":"{{amber}}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","object_marking_refs":["{{TlpMarkings.AmberId}}"]}"""]);
        await Node.StartAsync(administrators: admin);
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    [Fact]
    public async Task An_agreement_made_through_the_API_applies_to_the_next_read_and_its_revocation_too()
    {
        var objects = Node.CollectionUrl(collection, "objects/");
        Assert.Empty((await Node.GetAsync(partner, objects)).Ids);

        var created = await Node.SendAsync(HttpMethod.Post, Api("agreements"), admin, """{"name":"node-partner","parties":["org:node","org:partner"],"tlp":["amber"],"types":["indicator"]}""");
        Assert.Equal(201, created.Status);
        Assert.Equal("in-force", created.Json.GetProperty("status").GetString());
        Assert.Equal([amber], (await Node.GetAsync(partner, objects)).Ids);

        var revoked = await Node.SendAsync(HttpMethod.Post, Api("agreements/node-partner/revoke"), admin);
        Assert.Equal("revoked", revoked.Json.GetProperty("status").GetString());
        Assert.Empty((await Node.GetAsync(partner, objects)).Ids);

        var changes = AuditLogReader.Read(Node.AuditDirectory).Where(e => e.Kind == AuditEntryKind.PolicyChange).ToList();
        Assert.Equal(["agreement-add", "agreement-revoke"], changes.Select(e => e.Details!.Value.GetProperty("change").GetString()));
        Assert.All(changes, e => Assert.Equal(AuditActor.Token("node-token"), e.Actor));
        Assert.All(changes, e => Assert.Equal(SharingAdministrationChannel, e.Channel));
    }

    [Fact]
    public async Task Groups_and_members_are_managed_and_listed_as_JSON()
    {
        Assert.Equal(201, (await Node.SendAsync(HttpMethod.Post, Api("groups"), admin, """{"name":"WG","description":"cyber"}""")).Status);
        Assert.Equal(204, (await Node.SendAsync(HttpMethod.Put, Api("groups/WG/members/partner"), admin)).Status);

        var listed = await Node.GetAsync(admin, Api("groups"));

        Assert.Equal(200, listed.Status);
        Assert.Equal("partner", listed.Json[0].GetProperty("members")[0].GetProperty("name").GetString());
        Assert.Equal(204, (await Node.SendAsync(HttpMethod.Delete, Api("groups/WG/members/partner"), admin)).Status);
        Assert.Equal(404, (await Node.SendAsync(HttpMethod.Delete, Api("groups/WG/members/partner"), admin)).Status);
        Assert.Equal(204, (await Node.SendAsync(HttpMethod.Delete, Api("groups/WG"), admin)).Status);
    }

    [Theory]
    [InlineData("POST", "agreements", """{"name":"x","parties":["org:node"],"tlp":["grey"]}""", 400, "tlp: 'grey' is not one of")]
    [InlineData("POST", "agreements", """{"name":"x","parties":"org:node"}""", 400, "body at $.parties:")]
    [InlineData("POST", "agreements", """{"name":""", 400, "body: not JSON")]
    [InlineData("POST", "agreements", """{"name":"x","parties":["org:node","org:nobody"],"tlp":["green"]}""", 404, "parties: there is no organization 'nobody'.")]
    [InlineData("GET", "agreements/nothing", null, 404, "agreement: there is no agreement 'nothing'.")]
    [InlineData("PUT", "groups/nothing/members/partner", null, 404, "group: there is no working group 'nothing'.")]
    [InlineData("PUT", "groups/nothing/collections/not-a-uuid", null, 400, "collection: 'not-a-uuid' is not a collection id (a UUID).")]
    public async Task Refusals_are_JSON_errors_naming_the_field_and_the_rule(string method, string path, string? body, int status, string description)
    {
        var response = await Node.SendAsync(new HttpMethod(method), Api(path), admin, body);

        Assert.Equal(status, response.Status);
        Assert.Contains(description, response.Json.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AuditLogReader.Read(Node.AuditDirectory), e => e.Kind == AuditEntryKind.PolicyChange);
    }

    [Fact]
    public async Task Only_the_node_organization_may_administer_and_only_when_authenticated()
    {
        Assert.Equal(403, (await Node.SendAsync(HttpMethod.Post, Api("groups"), partner, """{"name":"mine"}""")).Status);
        Assert.Equal(401, (await Node.SendAsync(HttpMethod.Get, Api("agreements"), null)).Status);
        Assert.Equal(409, (await Node.SendAsync(HttpMethod.Post, Api("groups"), admin, """{"name":"WG"}""") is { Status: 201 }
            ? await Node.SendAsync(HttpMethod.Post, Api("groups"), admin, """{"name":"WG"}""")
            : throw new InvalidOperationException("the first group was refused")).Status);
    }

    private const string SharingAdministrationChannel = "admin-api";

    private Uri Api(string path) => new(Node.BaseAddress, "/api/v1/" + path);
}
