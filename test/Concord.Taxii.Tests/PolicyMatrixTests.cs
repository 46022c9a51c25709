// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Sharing;
using Concord.Sharing.Audit;
using Concord.Sharing.Markings;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// The policy matrix through the real server: every TLP level (and no marking) × every relation of the caller to the
/// owner (same organization, same working group, agreement party, outsider) × every read endpoint.
/// </summary>
public sealed class PolicyMatrixTests(PolicyMatrixTests.Node node) : IClassFixture<PolicyMatrixTests.Node>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var level in Node.Levels)
        {
            foreach (var relation in new[] { "same-organization", "same-working-group", "agreement-party", "outsider" })
            {
                foreach (var endpoint in new[] { "objects", "object", "manifest", "versions" })
                {
                    data.Add(level, relation, endpoint);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_read_endpoint_discloses_exactly_what_the_relation_allows(string level, string relation, string endpoint)
    {
        var caller = node.Caller(relation);
        var id = node.Ids[level];
        var expected = Expected(level, relation);

        var response = endpoint switch
        {
            "objects" => await node.Server.GetAsync(caller, node.Server.CollectionUrl(node.Collection, "objects/")),
            "manifest" => await node.Server.GetAsync(caller, node.Server.CollectionUrl(node.Collection, "manifest/")),
            "object" => await node.Server.GetAsync(caller, node.Server.CollectionUrl(node.Collection, $"objects/{id}/")),
            _ => await node.Server.GetAsync(caller, node.Server.CollectionUrl(node.Collection, $"objects/{id}/versions/")),
        };

        switch (endpoint)
        {
            case "objects" or "manifest":
                Assert.Equal(200, response.Status);
                Assert.Equal(expected, response.Ids.Contains(id));
                Assert.Equal(Node.Levels.Count(l => Expected(l, relation)), response.Ids.Count);
                break;
            case "object":
                Assert.Equal(expected ? 200 : 404, response.Status);
                Assert.Equal(expected ? [id] : [], response.Ids);
                break;
            default:
                Assert.Equal(expected ? 200 : 404, response.Status);
                Assert.Equal(expected ? [Node.Modified] : [], response.Versions);
                break;
        }
    }

    [Fact]
    public async Task A_denied_object_is_answered_exactly_like_a_missing_one()
    {
        var missing = "indicator--" + Guid.NewGuid().ToString("D");

        var denied = await node.Server.GetAsync(node.Outsider, node.Server.CollectionUrl(node.Collection, $"objects/{node.Ids["red"]}/"));
        var absent = await node.Server.GetAsync(node.Outsider, node.Server.CollectionUrl(node.Collection, $"objects/{missing}/"));
        var deniedVersions = await node.Server.GetAsync(node.Outsider, node.Server.CollectionUrl(node.Collection, $"objects/{node.Ids["red"]}/versions/"));
        var absentVersions = await node.Server.GetAsync(node.Outsider, node.Server.CollectionUrl(node.Collection, $"objects/{missing}/versions/"));

        Assert.Equal(absent.Status, denied.Status);
        Assert.Equal(absent.WithoutErrorId, denied.WithoutErrorId);
        Assert.Equal(absentVersions.Status, deniedVersions.Status);
        Assert.Equal(absentVersions.WithoutErrorId, deniedVersions.WithoutErrorId);
    }

    [Fact]
    public async Task A_status_resource_is_shown_to_its_requester_only_and_to_others_as_missing()
    {
        var envelope = $$"""{"objects":[{"type":"malware","spec_version":"2.1","id":"malware--{{Guid.NewGuid():D}}","created":"{{Node.Modified}}","modified":"{{Node.Modified}}","name":"x","is_family":false}]}""";
        var posted = await node.Server.SendAsync(HttpMethod.Post, node.Server.CollectionUrl(node.Inbox, "objects/"), node.Owner, envelope, TaxiiMediaTypes.Taxii21);
        Assert.Equal(202, posted.Status);
        var status = new Uri(node.Server.BaseAddress, $"/taxii2/api1/status/{posted.Json.GetProperty("id").GetString()}/");
        var unknown = new Uri(node.Server.BaseAddress, $"/taxii2/api1/status/{Guid.NewGuid():D}/");

        Assert.Equal(200, (await node.Server.GetAsync(node.Owner, status)).Status);
        foreach (var other in new[] { node.Peer, node.Partner, node.Outsider })
        {
            var seen = await node.Server.GetAsync(other, status);
            var missing = await node.Server.GetAsync(other, unknown);
            Assert.Equal((missing.Status, missing.WithoutErrorId), (seen.Status, seen.WithoutErrorId));
        }
    }

    [Fact]
    public async Task Disclosures_and_denials_are_in_the_audit_log_with_the_recipient()
    {
        await node.Server.GetAsync(node.Outsider, node.Server.CollectionUrl(node.Collection, "objects/"));

        var entries = AuditLogReader.Read(node.Server.AuditDirectory).Where(e => e.Organization?.Id == node.Outsider).ToList();
        Assert.Contains(entries, e => e.Kind == AuditEntryKind.Disclosure && e.Objects.Any(o => o.Id == node.Ids["clear"]));
        Assert.Contains(entries, e => e.Kind == AuditEntryKind.Denial && e.Objects.Any(o => o.Id == node.Ids["red"]) && e.Reason == "taxii: TLP:RED reaches its named recipients only");
        Assert.All(entries, e => Assert.Equal(AuditChannels.Taxii, e.Channel));
    }

    /// <summary>TLP 2.0 as docs/sharing.md states it, for a collection owned by the organization "owner".</summary>
    private static bool Expected(string level, string relation) => (level, relation) switch
    {
        (_, "same-organization") => true,
        ("clear", _) => true,
        ("green", "same-working-group" or "agreement-party") => true,
        ("amber" or "amber+strict" or "red-named", "agreement-party") => true,
        _ => false,
    };

    public sealed class Node : IAsyncLifetime
    {
        public const string Modified = "2024-01-01T00:00:00.000Z";

        public static readonly string[] Levels = ["unmarked", "clear", "green", "amber", "amber+strict", "red", "red-named"];

        public PolicyNode Server { get; } = new();

        public Guid Owner { get; private set; }

        public Guid Peer { get; private set; }

        public Guid Partner { get; private set; }

        public Guid Outsider { get; private set; }

        public Guid Collection { get; private set; }

        /// <summary>Where the status test writes, so that the matrix's collection keeps its seven objects.</summary>
        public Guid Inbox { get; private set; }

        public Dictionary<string, string> Ids { get; } = [];

        public Guid Caller(string relation) => relation switch
        {
            "same-organization" => Owner,
            "same-working-group" => Peer,
            "agreement-party" => Partner,
            _ => Outsider,
        };

        public async Task InitializeAsync()
        {
            Owner = await Server.OrganizationAsync("owner");
            Peer = await Server.OrganizationAsync("peer");
            Partner = await Server.OrganizationAsync("partner");
            Outsider = await Server.OrganizationAsync("outsider");
            await Server.GroupAsync("wg", Owner, Peer);
            await Server.AgreementAsync(new Agreement(Guid.NewGuid(), "owner-partner")
            {
                Parties = [SharingParty.Organization(Owner), SharingParty.Organization(Partner)],
                TlpLevels = [TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red],
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
            });
            Collection = await Server.CollectionAsync(Owner, null, Owner, Peer, Partner, Outsider);
            Inbox = await Server.CollectionAsync(Owner, null, Owner, Peer, Partner, Outsider);
            var objects = new List<string>();
            foreach (var level in Levels)
            {
                var id = "indicator--" + Guid.NewGuid().ToString("D");
                Ids[level] = id;
                var marking = level switch
                {
                    "unmarked" => string.Empty,
                    "red" or "red-named" => $",\"object_marking_refs\":[\"{TlpMarkings.RedId}\"]",
                    _ => $",\"object_marking_refs\":[\"{TlpMarkings.Tlp2IdOf(TlpLevelNames.TryParse(level, out var parsed) ? parsed.Value : TlpLevel.Clear)}\"]",
                };
                var named = level == "red-named"
                    ? $",\"extensions\":{{\"{ConcordRecipients.ExtensionDefinitionId}\":{{\"extension_type\":\"property-extension\",\"{ConcordRecipients.PropertyName}\":[\"{Partner:D}\"]}}}}"
                    : string.Empty;
                objects.Add(string.Create(CultureInfo.InvariantCulture, $$"""{"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"{{Modified}}","modified":"{{Modified}}","name":"{{level}}","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"{{marking}}{{named}}}"""));
            }

            await Server.AddAsync(Collection, objects);
            await Server.StartAsync();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
