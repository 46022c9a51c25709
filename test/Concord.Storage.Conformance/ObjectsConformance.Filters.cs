// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Filters, their combinations, manifests, versions and deletion.</summary>
public abstract partial class ObjectsConformance
{
    private static readonly string[] Types = ["indicator", "malware", "tool"];

    // Objects 0..8: type Types[n % 3]; objects 0..5 have two versions (2024-01-01 and 2024-06-01), 6..8 one.
    private async Task<(IConcordStore Store, Guid Collection, List<AddObjectResult> Added)> SeedAsync()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var added = new List<AddObjectResult>();
        for (var n = 0; n < 9; n++)
        {
            Clock.Now += TimeSpan.FromSeconds(1);
            added.AddRange(await store.AddObjectsAsync(collection, [Sdo(Id(n), modified: "2024-01-01T00:00:00.000Z")]));
        }

        for (var n = 0; n < 6; n++)
        {
            Clock.Now += TimeSpan.FromSeconds(1);
            added.AddRange(await store.AddObjectsAsync(collection, [Sdo(Id(n), modified: "2024-06-01T00:00:00.000Z")]));
        }

        return (store, collection, added);
    }

    private static string Id(int n) => Types[n % 3] + "--" + new Guid(n, 0, 0, new byte[8]).ToString("D");

    private static string[] Keys(IEnumerable<StoredObject> items) => items.Select(o => o.Id + "@" + o.Version[..7]).ToArray();

    [Fact]
    public async Task Results_are_sorted_by_date_added_and_last_versions_follow_their_addition()
    {
        var (store, collection, _) = await SeedAsync();

        var page = await store.GetObjectsAsync(collection, ObjectQuery.Default);

        Assert.Equal([Id(6) + "@2024-01", Id(7) + "@2024-01", Id(8) + "@2024-01", .. Enumerable.Range(0, 6).Select(n => Id(n) + "@2024-06")], Keys(page.Items));
        Assert.False(page.More);
        Assert.Null(page.Next);
        Assert.Equal(page.Items[0].DateAdded, page.DateAddedFirst);
        Assert.Equal(page.Items[^1].DateAdded, page.DateAddedLast);
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.DateAdded < p.Second.DateAdded));
    }

    [Fact]
    public async Task Match_id_and_match_type_take_lists_and_combine_with_and()
    {
        var (store, collection, _) = await SeedAsync();

        var ids = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(7), Id(1), "indicator--00000000-0000-0000-0000-000000000099"] });
        var types = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Types = ["tool", "malware"], Versions = VersionFilter.FirstVersion });
        var oneType = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Types = ["indicator"] });
        var both = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(0), Id(1), Id(3)], Types = ["indicator"], Versions = VersionFilter.AllVersions });
        var none = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Types = ["sighting"] });

        Assert.Equal([Id(7) + "@2024-01", Id(1) + "@2024-06"], Keys(ids.Items));
        Assert.Equal([Id(1), Id(2), Id(4), Id(5), Id(7), Id(8)], types.Items.Select(o => o.Id));
        Assert.Equal([Id(6), Id(0), Id(3)], oneType.Items.Select(o => o.Id));
        Assert.Equal([Id(0) + "@2024-01", Id(3) + "@2024-01", Id(0) + "@2024-06", Id(3) + "@2024-06"], Keys(both.Items));
        Assert.Empty(none.Items);
        Assert.Null(none.DateAddedFirst);
        Assert.Null(none.DateAddedLast);
    }

    [Fact]
    public async Task Added_after_is_exclusive_and_combines_with_every_filter()
    {
        var (store, collection, added) = await SeedAsync();
        var pivot = added[8].DateAdded!.Value;

        var after = await store.GetObjectsAsync(collection, ObjectQuery.Default with { AddedAfter = pivot.ToStixTimestamp(), Versions = VersionFilter.AllVersions });
        var nanos = StixTimestamp.Parse(pivot.ToString()[..^1] + "999Z");
        var afterNanos = await store.GetObjectsAsync(collection, ObjectQuery.Default with { AddedAfter = nanos, Versions = VersionFilter.AllVersions });
        var combined = await store.GetObjectsAsync(collection, ObjectQuery.Default with { AddedAfter = pivot.ToStixTimestamp(), Types = ["malware"], Ids = [Id(1), Id(4), Id(7)], Versions = VersionFilter.FirstVersion });
        var lastAfter = await store.GetObjectsAsync(collection, ObjectQuery.Default with { AddedAfter = added[13].DateAdded!.Value.ToStixTimestamp() });

        Assert.Equal(added.Skip(9).Select(a => a.DateAdded!.Value), after.Items.Select(o => o.DateAdded));
        Assert.Equal(after.Items.Select(o => o.DateAdded), afterNanos.Items.Select(o => o.DateAdded));
        Assert.Empty(combined.Items);
        Assert.Equal([Id(5)], lastAfter.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Limit_and_next_page_through_the_results_with_more_and_the_date_added_bounds()
    {
        var (store, collection, added) = await SeedAsync();
        var query = ObjectQuery.Default with { Versions = VersionFilter.AllVersions, Limit = 4 };

        var pages = new List<Page<StoredObject>>();
        var q = query;
        do
        {
            pages.Add(await store.GetObjectsAsync(collection, q));
            q = q with { Next = pages[^1].Next };
        }
        while (pages[^1].More);

        Assert.Equal([4, 4, 4, 3], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, true, false], pages.Select(p => p.More));
        Assert.Equal(added.Select(a => a.DateAdded!.Value), pages.SelectMany(p => p.Items).Select(o => o.DateAdded));
        Assert.All(pages, p => Assert.Equal(p.Items[^1].DateAdded, p.DateAddedLast));
        var exact = await store.GetObjectsAsync(collection, query with { Limit = 15 });
        Assert.False(exact.More);
        Assert.Equal(15, exact.Items.Count);
        var byHeader = await store.GetObjectsAsync(collection, query with { AddedAfter = pages[0].DateAddedLast!.Value.ToStixTimestamp() });
        Assert.Equal(pages[1].Items.Select(o => o.DateAdded), byHeader.Items.Select(o => o.DateAdded));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetObjectsAsync(collection, query with { Limit = 0 }));
    }

    [Fact]
    public async Task The_manifest_has_the_same_filters_and_order_as_the_objects()
    {
        var (store, collection, _) = await SeedAsync();
        ObjectQuery[] queries =
        [
            ObjectQuery.Default,
            ObjectQuery.Default with { Versions = VersionFilter.AllVersions, Limit = 5 },
            ObjectQuery.Default with { Types = ["tool"], Versions = VersionFilter.FirstVersion },
            ObjectQuery.Default with { Ids = [Id(2)], Versions = VersionFilter.Of([StixTimestamp.Parse("2024-06-01T00:00:00Z")]) },
        ];

        foreach (var query in queries)
        {
            var objects = await store.GetObjectsAsync(collection, query);
            var manifest = await store.GetManifestAsync(collection, query);
            Assert.Equal(objects.Items.Select(o => (o.Id, o.Version, o.DateAdded)), manifest.Items.Select(m => (m.Id, m.Version, m.DateAdded)));
            Assert.Equal(objects.More, manifest.More);
            Assert.Equal(objects.Next, manifest.Next);
            Assert.All(manifest.Items, m => Assert.Equal("application/stix+json;version=2.1", m.MediaType));
        }
    }

    [Fact]
    public async Task Versions_lists_every_version_of_one_object_by_date_added()
    {
        var (store, collection, _) = await SeedAsync();
        var id = Id(4);
        await store.AddObjectsAsync(collection, [Sdo(id, modified: "2023-01-01T00:00:00.000Z")]);

        var versions = await store.GetVersionsAsync(collection, id, ObjectQuery.Default with { Types = ["nothing"] });
        var paged = await store.GetVersionsAsync(collection, id, ObjectQuery.Default with { Limit = 2 });
        var rest = await store.GetVersionsAsync(collection, id, ObjectQuery.Default with { Limit = 2, Next = paged.Next });
        var missing = await store.GetVersionsAsync(collection, "indicator--00000000-0000-0000-0000-000000000099", ObjectQuery.Default);
        var otherSpec = await store.GetVersionsAsync(collection, id, ObjectQuery.Default with { SpecVersions = ["2.0"] });

        Assert.Equal(["2024-01-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z", "2023-01-01T00:00:00.000Z"], versions.Items.Select(v => v.Version));
        Assert.True(paged.More);
        Assert.Equal(versions.Items.Skip(2), rest.Items);
        Assert.Empty(missing.Items);
        Assert.Empty(otherSpec.Items);
    }

    [Fact]
    public async Task Deleting_without_filters_removes_every_version()
    {
        var (store, collection, _) = await SeedAsync();

        var deleted = await store.DeleteObjectAsync(collection, Id(0));
        var again = await store.DeleteObjectAsync(collection, Id(0));

        Assert.Equal(2, deleted);
        Assert.Equal(0, again);
        Assert.Empty((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(0)], Versions = VersionFilter.AllVersions })).Items);
        Assert.DoesNotContain(Id(0), (await store.GetManifestAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions })).Items.Select(m => m.Id));
        Assert.Equal(13, (await store.GetManifestAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions })).Items.Count);
    }

    [Fact]
    public async Task Deleting_the_last_version_makes_the_previous_one_last()
    {
        var (store, collection, _) = await SeedAsync();

        var deleted = await store.DeleteObjectAsync(collection, Id(1), VersionFilter.LastVersion);
        var latest = Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(1)] })).Items);
        var first = await store.DeleteObjectAsync(collection, Id(2), VersionFilter.Of([StixTimestamp.Parse("2024-01-01T00:00:00Z")]));
        var remaining = Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(2)], Versions = VersionFilter.FirstVersion })).Items);
        var wrongSpec = await store.DeleteObjectAsync(collection, Id(3), null, ["2.0"]);
        var rightSpec = await store.DeleteObjectAsync(collection, Id(3), VersionFilter.FirstVersion, ["2.1"]);

        Assert.Equal(1, deleted);
        Assert.Equal("2024-01-01T00:00:00.000Z", latest.Version);
        Assert.Equal(1, first);
        Assert.Equal("2024-06-01T00:00:00.000Z", remaining.Version);
        Assert.Equal(0, wrongSpec);
        Assert.Equal(1, rightSpec);
        Assert.Equal("2024-06-01T00:00:00.000Z", Assert.Single((await store.GetVersionsAsync(collection, Id(3), ObjectQuery.Default)).Items).Version);
    }
}
