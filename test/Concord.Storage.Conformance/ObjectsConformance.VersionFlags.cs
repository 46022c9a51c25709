// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>The first and last flags every returned version carries (<see cref="StoredObject.IsFirst"/>, <see cref="StoredObject.IsLast"/>).</summary>
public abstract partial class ObjectsConformance
{
    [Fact]
    public async Task Every_returned_version_says_whether_it_is_the_first_and_the_last_of_its_object()
    {
        var (store, collection, _) = await SeedAsync();

        var all = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions });
        var byId = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [Id(0), Id(7)], Versions = VersionFilter.AllVersions });

        var twoVersions = Enumerable.Range(0, 6).Select(Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in all.Items.Concat(byId.Items))
        {
            var single = !twoVersions.Contains(row.Id);
            Assert.Equal(single || row.Version.StartsWith("2024-01", StringComparison.Ordinal), row.IsFirst);
            Assert.Equal(single || row.Version.StartsWith("2024-06", StringComparison.Ordinal), row.IsLast);
        }

        Assert.Equal(15, all.Items.Count);
    }

    [Fact]
    public async Task Deleting_the_last_version_makes_the_one_before_it_last_and_an_older_spec_version_is_neither()
    {
        var (store, collection, _) = await SeedAsync();
        var id = Id(0);
        await store.DeleteObjectAsync(collection, id, VersionFilter.LastVersion);
        await store.AddObjectsAsync(collection, [Sdo(id, modified: "2025-01-01T00:00:00.000Z", specVersion: "2.0")]);

        var versions = await store.GetObjectsAsync(collection, ObjectQuery.Default with { Ids = [id], Versions = VersionFilter.AllVersions, SpecVersions = ["2.0", "2.1"] });

        Assert.Equal([("2024-01", true, true), ("2025-01", false, false)], versions.Items.Select(v => (v.Version[..7], v.IsFirst, v.IsLast)));
    }
}
