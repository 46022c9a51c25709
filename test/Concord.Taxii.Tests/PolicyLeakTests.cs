// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Sharing.Markings;
using Concord.Sharing.Policy;
using Concord.Stix;
using Concord.Stix.Model.Meta;
using Concord.Storage.Objects;
using Concord.Storage.Sharing;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// The leak test: 3 organizations, 2 working groups, 2 agreements and 500 objects (with versions whose markings differ,
/// granular markings, named TLP:RED recipients and personal data) in collections owned by organizations and by a working
/// group. For every caller and collection, everything any read endpoint and filter combination returns is checked against
/// the policy: the content of every version (redactions included), and everything that could betray a withheld version
/// (pages, counts, more, next, the X-TAXII-Date-Added headers, first and last, versions lists, manifests, 404s).
/// </summary>
public sealed class PolicyLeakTests(PolicyLeakTests.World world) : IClassFixture<PolicyLeakTests.World>
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in new[] { "A", "B", "C" })
        {
            foreach (var collection in new[] { "A", "B", "WG2" })
            {
                data.Add(caller, collection);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Paging_every_version_returns_exactly_the_disclosed_versions_with_their_redacted_content(string caller, string collection)
    {
        var (callerId, expected) = await world.ExpectedAsync(caller, collection);

        var pages = await world.PagesAsync(callerId, collection, "objects/?match[version]=all&limit=7", 7);

        var got = pages.SelectMany(p => p.Json.TryGetProperty("objects", out var o) ? o.EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText())!) : []).ToList();
        Assert.Equal(expected.Select(e => e.Key), got.Select(Key));
        for (var i = 0; i < got.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i].Json), got[i]), $"{expected[i].Id} {expected[i].Version} differs from the policy's version for {caller}");
        }

        var offset = 0;
        foreach (var page in pages.Where(p => p.Ids.Count > 0))
        {
            Assert.Equal(expected[offset].DateAdded, page.DateAddedFirst);
            Assert.Equal(expected[offset + page.Ids.Count - 1].DateAdded, page.DateAddedLast);
            offset += page.Ids.Count;
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_manifest_lists_exactly_the_disclosed_versions_and_their_dates(string caller, string collection)
    {
        var (callerId, expected) = await world.ExpectedAsync(caller, collection);

        var pages = await world.PagesAsync(callerId, collection, "manifest/?match[version]=all&limit=11", 11);

        var records = pages.SelectMany(p => p.Json.TryGetProperty("objects", out var o) ? o.EnumerateArray() : []).ToList();
        Assert.Equal(
            expected.Select(e => (e.Id, e.Version, e.DateAdded)),
            records.Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("version").GetString()!, r.GetProperty("date_added").GetString()!)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task First_and_last_are_chosen_among_the_disclosed_versions(string caller, string collection)
    {
        var (callerId, expected) = await world.ExpectedAsync(caller, collection);

        foreach (var (filter, pick) in new[] { ("last", true), ("first", false) })
        {
            var pages = await world.PagesAsync(callerId, collection, $"objects/?match[version]={filter}&limit=9", 9);
            var chosen = expected.GroupBy(e => e.Id).Select(g => pick ? g.MaxBy(e => e.Instant)! : g.MinBy(e => e.Instant)!).OrderBy(e => e.DateAdded, StringComparer.Ordinal);
            Assert.Equal(chosen.Select(e => e.Key), pages.SelectMany(p => p.Json.TryGetProperty("objects", out var o) ? o.EnumerateArray().Select(e => Key(JsonNode.Parse(e.GetRawText())!)) : []));
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Type_and_added_after_filters_see_only_disclosed_versions(string caller, string collection)
    {
        var (callerId, expected) = await world.ExpectedAsync(caller, collection);
        var all = world.Rows[collection];

        foreach (var type in new[] { "indicator", "identity", "email-addr" })
        {
            var pages = await world.PagesAsync(callerId, collection, $"objects/?match[version]=all&match[type]={type}&limit=5", 5);
            Assert.Equal(expected.Where(e => e.Type == type).Select(e => e.Key), pages.SelectMany(p => p.Json.TryGetProperty("objects", out var o) ? o.EnumerateArray().Select(e => Key(JsonNode.Parse(e.GetRawText())!)) : []));
        }

        foreach (var after in new[] { all[all.Count / 4], all[all.Count / 2], all[^2] }.Select(r => r.DateAdded))
        {
            var pages = await world.PagesAsync(callerId, collection, $"manifest/?match[version]=all&added_after={after}&limit=6", 6);
            Assert.Equal(
                expected.Where(e => string.CompareOrdinal(e.DateAdded, after) > 0).Select(e => e.DateAdded),
                pages.SelectMany(p => p.Json.TryGetProperty("objects", out var o) ? o.EnumerateArray().Select(r => r.GetProperty("date_added").GetString()!) : []));
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Every_object_and_its_versions_answer_as_the_policy_says_and_withheld_ones_as_missing(string caller, string collection)
    {
        var (callerId, expected) = await world.ExpectedAsync(caller, collection);
        var missing = await world.Node.GetAsync(callerId, world.Node.CollectionUrl(world.Collections[collection], $"objects/indicator--{Guid.NewGuid():D}/"));

        foreach (var id in world.Rows[collection].Select(r => r.Id).Distinct())
        {
            var versions = expected.Where(e => e.Id == id).ToList();
            var one = await world.Node.GetAsync(callerId, world.Node.CollectionUrl(world.Collections[collection], $"objects/{id}/"));
            var list = await world.Node.GetAsync(callerId, world.Node.CollectionUrl(world.Collections[collection], $"objects/{id}/versions/"));
            if (versions.Count == 0)
            {
                Assert.Equal((404, missing.WithoutErrorId), (one.Status, one.WithoutErrorId));
                Assert.Equal(404, list.Status);
                continue;
            }

            Assert.Equal(200, one.Status);
            Assert.Equal([versions.MaxBy(v => v.Instant)!.Key], one.Json.GetProperty("objects").EnumerateArray().Select(o => Key(JsonNode.Parse(o.GetRawText())!)));
            Assert.Equal(versions.Select(v => v.Version), list.Versions);
            Assert.Equal(versions[0].DateAdded, list.DateAddedFirst);
            Assert.Equal(versions[^1].DateAdded, list.DateAddedLast);
        }
    }

    [Fact]
    public void The_world_mixes_every_outcome()
    {
        var outcomes = world.Decisions.GroupBy(d => d.Outcome).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(500, world.Rows.Values.Sum(rows => rows.Select(r => r.Id).Distinct().Count()));
        Assert.All(Enum.GetValues<PolicyOutcome>(), outcome => Assert.True(outcomes.GetValueOrDefault(outcome) > 20, $"{outcome}: {outcomes.GetValueOrDefault(outcome)}"));
    }

    private static (string Id, string Version) Key(JsonNode node) =>
        ((string)node["id"]!, (string?)node["modified"] ?? string.Empty);

    /// <summary>One stored version as the oracle sees it.</summary>
    public sealed record Row(string Id, string Type, string Version, string DateAdded, StixTimestamp? Instant, string Json)
    {
        /// <summary>The id and <c>modified</c> (empty for a cyber-observable), as they are read from a response.</summary>
        public (string Id, string Version) Key => PolicyLeakTests.Key(JsonNode.Parse(Json)!);
    }

    public sealed class World : IAsyncLifetime
    {
        private readonly Dictionary<string, Guid> organizations = [];

        public PolicyNode Node { get; } = new();

        public Dictionary<string, Guid> Collections { get; } = [];

        public Dictionary<string, List<Row>> Rows { get; } = [];

        public List<PolicyDecision> Decisions { get; } = [];

        private SharingPolicy Policy { get; set; } = null!;

        public async Task InitializeAsync()
        {
            foreach (var name in new[] { "A", "B", "C" })
            {
                organizations[name] = await Node.OrganizationAsync(name);
            }

            var (a, b, c) = (organizations["A"], organizations["B"], organizations["C"]);
            await Node.GroupAsync("WG1", a, b);
            var wg2 = await Node.GroupAsync("WG2", b, c);
            await Node.AgreementAsync(new Agreement(Guid.NewGuid(), "A to C")
            {
                Parties = [SharingParty.Organization(a), SharingParty.Organization(c)],
                Direction = AgreementDirection.OneWay,
                Provider = SharingParty.Organization(a),
                TlpLevels = [TlpLevel.Amber, TlpLevel.AmberStrict],
                AllowedTypes = ["indicator", "malware"],
                PersonalData = [new PersonalDataPermission(PersonalDataCategory.EmailAddress, "CSIRT mandate")],
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
            });
            await Node.AgreementAsync(new Agreement(Guid.NewGuid(), "WG2 and A")
            {
                Parties = [SharingParty.WorkingGroup(wg2), SharingParty.Organization(a)],
                TlpLevels = [TlpLevel.Green, TlpLevel.Amber],
                ExcludedTypes = ["identity"],
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
            });
            Collections["A"] = await Node.CollectionAsync(a, null, a, b, c);
            Collections["B"] = await Node.CollectionAsync(b, null, a, b, c);
            Collections["WG2"] = await Node.CollectionAsync(null, wg2, a, b, c);

            var random = new Random(20261123);
            var names = Collections.Keys.ToArray();
            for (var n = 0; n < 500; n++)
            {
                var target = names[n % names.Length];
                await Node.AddAsync(Collections[target], Versions(random, n));
            }

            Policy = SharingPolicy.Build(await Node.Store.GetSharingModelAsync(), DateTimeOffset.UtcNow);
            foreach (var (name, id) in Collections)
            {
                var page = await Node.Store.GetObjectsAsync(id, new ObjectQuery { Versions = VersionFilter.AllVersions });
                Rows[name] = [.. page.Items.Select(r => new Row(r.Id, r.Type, r.Version, r.DateAdded.ToString(), StixTimestamp.TryParse(r.Version, out var t) ? t : null, Encoding.UTF8.GetString(r.Json.Span)))];
            }

            await Node.StartAsync();
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();

        /// <summary>What the policy discloses of a collection to a caller, by date added: the oracle.</summary>
        public async Task<(Guid Caller, List<Row> Expected)> ExpectedAsync(string caller, string collection)
        {
            var info = (await Node.Store.GetCollectionAsync(Collections[collection]))!;
            var view = Policy.For(organizations[caller], Policy.OriginOf(info), "taxii");
            var expected = new List<Row>();
            foreach (var row in Rows[collection])
            {
                var json = Encoding.UTF8.GetBytes(row.Json);
                var decision = view.Decide(new ObjectVersion(row.Id, row.Type, row.Version, json));
                lock (Decisions)
                {
                    Decisions.Add(decision);
                }

                if (decision.Discloses)
                {
                    expected.Add(decision.Outcome == PolicyOutcome.Redact ? row with { Json = Encoding.UTF8.GetString(Redactor.Apply(json, decision.Redactions)) } : row);
                }
            }

            return (organizations[caller], expected);
        }

        /// <summary>Follows <c>next</c> from the first page to the last, checking that every page but the last is full and says more.</summary>
        public async Task<List<PolicyNode.Response>> PagesAsync(Guid caller, string collection, string first, int limit)
        {
            var pages = new List<PolicyNode.Response>();
            var url = Node.CollectionUrl(Collections[collection], first);
            while (true)
            {
                var page = await Node.GetAsync(caller, url);
                Assert.Equal(200, page.Status);
                pages.Add(page);
                var more = page.Json.TryGetProperty("more", out var m) && m.GetBoolean();
                Assert.Equal(more, page.Json.TryGetProperty("next", out var next));
                if (!more)
                {
                    Assert.True(page.Ids.Count > 0 || pages.Count == 1, "a last page after a page that said more is empty");
                    return pages;
                }

                Assert.Equal(limit, page.Ids.Count);
                url = new Uri(url.ToString().Split("&next=")[0] + "&next=" + Uri.EscapeDataString(next.GetString()!));
            }
        }

        private List<string> Versions(Random random, int n)
        {
            var type = (n % 10) switch
            {
                < 5 => "indicator",
                5 or 6 => "malware",
                7 => "identity",
                8 => "email-addr",
                _ => "campaign",
            };
            var id = $"{type}--{Guid.NewGuid():D}";
            var count = type == "email-addr" ? 1 : random.Next(3) == 0 ? random.Next(2, 4) : 1;
            var versions = new List<string>();
            for (var v = 0; v < count; v++)
            {
                var obj = new JsonObject { ["type"] = type, ["spec_version"] = "2.1", ["id"] = id };
                if (type == "email-addr")
                {
                    obj["value"] = $"person{n}@example.org";
                }
                else
                {
                    var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(v).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    obj["created"] = "2024-01-01T00:00:00.000Z";
                    obj["modified"] = stamp;
                    obj["name"] = $"{type} {n}.{v}";
                    obj["description"] = random.Next(4) switch
                    {
                        0 => $"contact analyst{n}@cert.example.org",
                        1 => "call +41 22 917 12 34",
                        _ => "infrastructure seen at 198.51.100." + (n % 250).ToString(CultureInfo.InvariantCulture),
                    };
                    if (type == "identity")
                    {
                        obj["identity_class"] = random.Next(2) == 0 ? "individual" : "organization";
                    }
                }

                var level = random.Next(7);
                if (level < 5)
                {
                    obj["object_marking_refs"] = new JsonArray((JsonNode)TlpMarkings.Tlp2IdOf((TlpLevel)level));
                }

                if (level == 4 && random.Next(2) == 0)
                {
                    var named = organizations.Values.Where(_ => random.Next(2) == 0).Select(o => (JsonNode)o.ToString("D")).ToArray();
                    obj["extensions"] = new JsonObject
                    {
                        [ConcordRecipients.ExtensionDefinitionId] = new JsonObject { ["extension_type"] = "property-extension", [ConcordRecipients.PropertyName] = new JsonArray(named) },
                    };
                }

                if (type != "email-addr" && random.Next(4) == 0)
                {
                    obj["granular_markings"] = new JsonArray(new JsonObject
                    {
                        ["marking_ref"] = TlpMarkings.Tlp2IdOf((TlpLevel)random.Next(5)),
                        ["selectors"] = new JsonArray("description"),
                    });
                }

                versions.Add(obj.ToJsonString());
            }

            return versions;
        }
    }
}
