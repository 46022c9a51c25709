// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Pages read as stored JSON (<see cref="IObjectStore.GetObjectsJsonAsync"/>) against the object pages.</summary>
public abstract partial class ObjectsConformance
{
    [Fact]
    public async Task A_json_page_holds_the_stored_bytes_position_and_more_of_the_object_page_for_every_filter()
    {
        var (store, collection, added) = await SeedAsync();
        var all = ObjectQuery.Default with { Versions = VersionFilter.AllVersions };
        var queries = new List<ObjectQuery>
        {
            ObjectQuery.Default,
            all,
            all with { Limit = 4 },
            all with { Limit = 15 },
            all with { Limit = 4, Next = new PageToken(added[3].DateAdded!.Value) },
            ObjectQuery.Default with { Ids = [Id(7), Id(1)] },
            ObjectQuery.Default with { Types = ["tool", "malware"], Versions = VersionFilter.FirstVersion },
            ObjectQuery.Default with { Types = ["sighting"] },
            all with { AddedAfter = added[8].DateAdded!.Value.ToStixTimestamp(), SpecVersions = ["2.1"] },
        };

        foreach (var query in queries)
        {
            var expected = await store.GetObjectsAsync(collection, query);
            using var json = await store.GetObjectsJsonAsync(collection, query);

            Assert.Equal(Joined(expected.Items), Encoding.UTF8.GetString(json.Objects.Span));
            Assert.Equal(expected.Items.Count, json.Count);
            Assert.Equal(expected.More, json.More);
            Assert.Equal(expected.Next, json.Next);
            Assert.Equal(expected.DateAddedFirst, json.DateAddedFirst);
            Assert.Equal(expected.DateAddedLast, json.DateAddedLast);
        }
    }

    [Fact]
    public async Task A_json_page_of_a_missing_collection_or_with_a_non_positive_limit_is_refused()
    {
        var (store, collection, _) = await SeedAsync();

        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.GetObjectsJsonAsync(Guid.NewGuid(), ObjectQuery.Default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetObjectsJsonAsync(collection, ObjectQuery.Default with { Limit = 0 }));
    }

    private static string Joined(IEnumerable<StoredObject> items) => string.Join(',', items.Select(o => Encoding.UTF8.GetString(o.Json.Span)));
}
