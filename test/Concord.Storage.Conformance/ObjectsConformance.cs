// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Stix;
using Concord.Storage.Collections;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Collections, adding, round trip, versioning and idempotence.</summary>
public abstract partial class ObjectsConformance : StoreTestBase
{
    [Fact]
    public async Task Collections_are_created_read_and_listed_in_creation_order()
    {
        var store = Open();
        var first = new CollectionInfo(Guid.NewGuid(), "api1", "First") { Description = "d", Alias = "high-value", MediaTypes = ["application/stix+json;version=2.1", "application/stix+json;version=2.0"], OwnerOrganizationId = Guid.NewGuid() };
        var second = new CollectionInfo(Guid.NewGuid(), "api1", "Second");
        var other = new CollectionInfo(Guid.NewGuid(), "api2", "Other");
        await store.CreateCollectionAsync(first);
        await store.CreateCollectionAsync(second);
        await store.CreateCollectionAsync(other);

        var read = await store.GetCollectionAsync(first.Id);
        Assert.NotNull(read);
        Assert.Equal(first with { MediaTypes = read.MediaTypes }, read);
        Assert.Equal(first.MediaTypes, read.MediaTypes);
        Assert.Null(await store.GetCollectionAsync(Guid.NewGuid()));
        Assert.Equal([first.Id, second.Id], (await store.ListCollectionsAsync("api1")).Select(c => c.Id));
        Assert.Equal([other.Id], (await store.ListCollectionsAsync("api2")).Select(c => c.Id));
    }

    [Fact]
    public async Task A_taken_collection_id_or_alias_is_a_conflict()
    {
        var store = Open();
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "A") { Alias = "a" };
        await store.CreateCollectionAsync(collection);
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateCollectionAsync(collection with { Alias = "b" }));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateCollectionAsync(collection with { Id = Guid.NewGuid() }));
        await store.CreateCollectionAsync(collection with { Id = Guid.NewGuid(), ApiRoot = "api2" });
    }

    [Fact]
    public async Task Object_operations_on_an_unknown_collection_throw_not_found()
    {
        var store = Open();
        var missing = Guid.NewGuid();
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.AddObjectsAsync(missing, [Sdo(Indicator(1))]));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.GetObjectsAsync(missing, ObjectQuery.Default));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.GetManifestAsync(missing, ObjectQuery.Default));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.GetVersionsAsync(missing, Indicator(1), ObjectQuery.Default));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.DeleteObjectAsync(missing, Indicator(1)));
    }

    [Fact]
    public async Task Objects_round_trip_byte_for_byte()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var json = "{ \"type\" : \"indicator\",\n\t\"spec_version\":\"2.1\", \"id\":\"" + Indicator(7) + "\",\"created\":\"2023-01-01T00:00:00Z\",\"modified\":\"2024-02-03T04:05:06.123456789Z\","
            + "\"name\":\"caf\u00e9 \u00e9\u6f22\ud83d\ude00\",\"x_custom\":{\"z\":1.50,\"a\":[true,null,-0.0e0]}, \"pattern\":\"[a:b = 'c']\" }";
        var bytes = Encoding.UTF8.GetBytes(json);

        var results = await store.AddObjectsAsync(collection, [bytes]);

        var added = Assert.Single(results);
        Assert.Equal(AddOutcome.Added, added.Outcome);
        Assert.Equal(Indicator(7), added.Id);
        Assert.Equal("2024-02-03T04:05:06.123456789Z", added.Version);
        var stored = Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default)).Items);
        Assert.Equal(bytes, stored.Json.ToArray());
        Assert.Equal(Indicator(7), stored.Id);
        Assert.Equal("indicator", stored.Type);
        Assert.Equal("2.1", stored.SpecVersion);
        Assert.Equal("2024-02-03T04:05:06.123456789Z", stored.Version);
        Assert.Equal(added.DateAdded, stored.DateAdded);
    }

    [Fact]
    public async Task Adding_the_same_version_again_keeps_the_first_and_reports_already_present()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var first = Sdo(Indicator(1), extra: "\"name\":\"first\"");
        var again = Sdo(Indicator(1), extra: "\"name\":\"second\"");

        var one = await store.AddObjectsAsync(collection, [first, again]);
        var two = await store.AddObjectsAsync(collection, [again]);

        Assert.Equal([AddOutcome.Added, AddOutcome.AlreadyPresent], one.Select(r => r.Outcome));
        Assert.Equal(AddOutcome.AlreadyPresent, Assert.Single(two).Outcome);
        Assert.All(one.Concat(two), r => Assert.True(r.IsSuccess));
        Assert.Equal(one[0].DateAdded, two[0].DateAdded);
        var stored = Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions })).Items);
        Assert.Equal(first.ToArray(), stored.Json.ToArray());
    }

    [Fact]
    public async Task The_same_instant_written_with_other_precision_is_the_same_version()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        await store.AddObjectsAsync(collection, [Sdo(Indicator(1), modified: "2024-01-01T00:00:00Z")]);

        var results = await store.AddObjectsAsync(collection, [Sdo(Indicator(1), modified: "2024-01-01T00:00:00.000Z"), Sdo(Indicator(1), modified: "2024-01-01T00:00:00.0001Z")]);

        Assert.Equal([AddOutcome.AlreadyPresent, AddOutcome.Added], results.Select(r => r.Outcome));
        Assert.Equal("2024-01-01T00:00:00Z", results[0].Version);
    }

    [Fact]
    public async Task Unreadable_objects_are_rejected_with_a_message_and_the_rest_of_the_batch_is_stored()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        ReadOnlyMemory<byte>[] batch =
        [
            Utf8("{\"type\":\"indicator\",\"id\":"),
            Utf8("[1,2]"),
            Utf8("{\"type\":\"indicator\"}"),
            Utf8("{\"type\":\"indicator\",\"id\":42}"),
            Sdo(Indicator(1), modified: "yesterday"),
            Utf8("{\"type\":\"indicator\",\"id\":\"" + Indicator(2) + "\"} {}"),
            Sdo(Indicator(3)),
        ];

        var results = await store.AddObjectsAsync(collection, batch);

        Assert.Equal(Enumerable.Repeat(AddOutcome.Rejected, 6).Append(AddOutcome.Added), results.Select(r => r.Outcome));
        Assert.All(results.Take(6), r => Assert.False(string.IsNullOrEmpty(r.Message)));
        Assert.Contains("modified", results[4].Message, StringComparison.Ordinal);
        Assert.Equal(Indicator(3), Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default)).Items).Id);
    }

    [Fact]
    public async Task Every_version_is_kept_and_last_is_the_default()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var id = Indicator(1);
        await store.AddObjectsAsync(collection, [Sdo(id, modified: "2024-01-02T00:00:00.000Z"), Sdo(id, modified: "2024-01-03T00:00:00.000Z"), Sdo(id, modified: "2024-01-01T00:00:00.000Z")]);

        async Task<string[]> VersionsAsync(VersionFilter filter) =>
            (await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = filter })).Items.Select(o => o.Version).ToArray();

        Assert.Equal(["2024-01-03T00:00:00.000Z"], await VersionsAsync(VersionFilter.LastVersion));
        Assert.Equal(["2024-01-01T00:00:00.000Z"], await VersionsAsync(VersionFilter.FirstVersion));
        Assert.Equal(["2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z", "2024-01-01T00:00:00.000Z"], await VersionsAsync(VersionFilter.AllVersions));
        Assert.Equal(["2024-01-02T00:00:00.000Z"], await VersionsAsync(VersionFilter.Of([StixTimestamp.Parse("2024-01-02T00:00:00Z")])));
        Assert.Equal(["2024-01-03T00:00:00.000Z", "2024-01-01T00:00:00.000Z"], await VersionsAsync(VersionFilter.Of([], first: true, last: true)));
        Assert.Equal(["2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z"], await VersionsAsync(VersionFilter.Of([StixTimestamp.Parse("2024-01-02T00:00:00.000Z")], last: true)));
        Assert.Empty(await VersionsAsync(VersionFilter.Of([StixTimestamp.Parse("2020-01-01T00:00:00.000Z")])));
    }

    [Fact]
    public async Task Versions_spread_over_batches_keep_first_last_and_already_present_right()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var id = Indicator(1);
        await store.AddObjectsAsync(collection, [Sdo(id, modified: "2024-01-02T00:00:00.000Z"), Sdo(Indicator(2))]);

        var results = await store.AddObjectsAsync(collection, [Sdo(id, modified: "2024-01-01T00:00:00.000Z"), Sdo(id, modified: "2024-01-03T00:00:00.000Z"), Sdo(id, modified: "2024-01-02T00:00:00Z"), Sdo(id, modified: "2024-01-03T00:00:00Z")]);

        Assert.Equal([AddOutcome.Added, AddOutcome.Added, AddOutcome.AlreadyPresent, AddOutcome.AlreadyPresent], results.Select(r => r.Outcome));
        var last = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [id] });
        var first = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [id], Versions = VersionFilter.FirstVersion });
        Assert.Equal("2024-01-03T00:00:00.000Z", Assert.Single(last.Items).Version);
        Assert.Equal("2024-01-01T00:00:00.000Z", Assert.Single(first.Items).Version);
        Assert.Equal(3, (await store.GetVersionsAsync(collection, id, ObjectQuery.Default)).Items.Count);
    }

    [Fact]
    public async Task An_object_without_modified_is_versioned_by_created()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var marking = "marking-definition--" + Guid.NewGuid().ToString("D");

        var results = await store.AddObjectsAsync(collection, [Sdo(marking, modified: null, created: "2017-01-20T00:00:00.000Z"), Sdo(marking, modified: null, created: "2017-01-20T00:00:00.000Z")]);

        Assert.Equal([AddOutcome.Added, AddOutcome.AlreadyPresent], results.Select(r => r.Outcome));
        Assert.Equal("2017-01-20T00:00:00.000Z", results[0].Version);
        var manifest = Assert.Single((await store.GetManifestAsync(collection, ObjectQuery.Default)).Items);
        Assert.Equal("2017-01-20T00:00:00.000Z", manifest.Version);
    }

    [Fact]
    public async Task An_object_without_created_or_modified_has_one_version_its_date_added()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var ip = "ipv4-addr--" + Guid.NewGuid().ToString("D");
        var sco = Utf8("{\"type\":\"ipv4-addr\",\"id\":\"" + ip + "\",\"value\":\"198.51.100.3\"}");
        var changed = Utf8("{\"type\":\"ipv4-addr\",\"id\":\"" + ip + "\",\"value\":\"198.51.100.3\",\"x\":1}");

        var first = Assert.Single(await store.AddObjectsAsync(collection, [sco]));
        Clock.Now += TimeSpan.FromMinutes(1);
        var second = Assert.Single(await store.AddObjectsAsync(collection, [changed]));

        Assert.Equal(AddOutcome.Added, first.Outcome);
        Assert.Equal(AddOutcome.AlreadyPresent, second.Outcome);
        Assert.Equal(first.DateAdded.ToString(), first.Version);
        Assert.Equal(first.Version, second.Version);
        var stored = Assert.Single((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions })).Items);
        Assert.Equal("2.1", stored.SpecVersion);
        Assert.Equal(sco.ToArray(), stored.Json.ToArray());
        var byVersion = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.Of([first.DateAdded!.Value.ToStixTimestamp()]) });
        Assert.Single(byVersion.Items);
    }

    [Fact]
    public async Task Spec_version_defaults_to_the_latest_each_object_has()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var mixed = Indicator(1);
        var old = Indicator(2);
        await store.AddObjectsAsync(collection,
        [
            Sdo(mixed, modified: "2024-01-01T00:00:00.000Z", specVersion: null),
            Sdo(mixed, modified: "2023-01-01T00:00:00.000Z", specVersion: "2.1"),
            Sdo(mixed, modified: "2025-01-01T00:00:00.000Z", specVersion: null),
            Sdo(old, modified: "2024-01-01T00:00:00.000Z", specVersion: null),
        ]);

        async Task<string[]> QueryAsync(VersionFilter versions, params string[] specs) =>
            (await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = versions, SpecVersions = specs.Length == 0 ? null : specs }))
                .Items.Select(o => (o.Id == mixed ? "1" : "2") + "@" + o.Version[..4] + "/" + o.SpecVersion).ToArray();

        Assert.Equal(["1@2023/2.1", "2@2024/2.0"], await QueryAsync(VersionFilter.LastVersion));
        Assert.Equal(["1@2023/2.1", "2@2024/2.0"], await QueryAsync(VersionFilter.AllVersions));
        Assert.Equal(["1@2025/2.0", "2@2024/2.0"], await QueryAsync(VersionFilter.LastVersion, "2.0"));
        Assert.Equal(["1@2024/2.0", "2@2024/2.0"], await QueryAsync(VersionFilter.FirstVersion, "2.0"));
        Assert.Equal(["1@2025/2.0", "2@2024/2.0"], await QueryAsync(VersionFilter.LastVersion, "2.0", "2.1"));
        Assert.Equal(["1@2023/2.1", "2@2024/2.0"], await QueryAsync(VersionFilter.FirstVersion, "2.0", "2.1"));
        Assert.Equal(["1@2024/2.0", "1@2023/2.1", "1@2025/2.0", "2@2024/2.0"], await QueryAsync(VersionFilter.AllVersions, "2.0", "2.1"));
        Assert.Empty(await QueryAsync(VersionFilter.AllVersions, "2.2"));
    }
}
