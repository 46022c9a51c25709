// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Pages read with their rows (<see cref="IObjectStore.GetObjectRowsAsync"/>) against the object pages.</summary>
public abstract partial class ObjectsConformance
{
    [Fact]
    public async Task A_rows_page_holds_each_object_s_bytes_id_type_version_flags_and_date_added_for_every_filter()
    {
        var (store, collection, added) = await SeedAsync();
        var all = ObjectQuery.Default with { Versions = VersionFilter.AllVersions };
        ObjectQuery[] queries =
        [
            ObjectQuery.Default,
            all,
            all with { Limit = 4 },
            all with { Limit = 4, Next = new PageToken(added[3].DateAdded!.Value) },
            ObjectQuery.Default with { Ids = [Id(7), Id(1)] },
            ObjectQuery.Default with { Types = ["tool", "malware"], Versions = VersionFilter.FirstVersion },
            all with { AddedAfter = added[8].DateAdded!.Value.ToStixTimestamp(), SpecVersions = ["2.1"] },
        ];

        foreach (var query in queries)
        {
            var expected = await store.GetObjectsAsync(collection, query);
            using var rows = await store.GetObjectRowsAsync(collection, query);

            Assert.Equal(expected.Items.Select(Describe), Describe(rows));
            Assert.Equal(expected.More, rows.More);
            Assert.Equal(expected.Next, rows.Next);
        }
    }

    [Fact]
    public async Task A_rows_page_of_a_thousand_objects_keeps_every_row()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        await store.AddObjectsAsync(collection, [.. Enumerable.Range(0, 1000).Select(n => Sdo(Indicator(n)))]);
        var query = ObjectQuery.Default with { Limit = 999 };

        var expected = await store.GetObjectsAsync(collection, query);
        using var rows = await store.GetObjectRowsAsync(collection, query);

        Assert.Equal(expected.Items.Select(Describe), Describe(rows));
        Assert.True(rows.More);
    }

    private static string Describe(StoredObject o) =>
        $"{o.DateAdded}|{o.Id}|{o.Type}|{o.Version}|{o.IsFirst}|{o.IsLast}|{Encoding.UTF8.GetString(o.Json.Span)}";

    private static List<string> Describe(ObjectJsonPage page)
    {
        var described = new List<string>();
        foreach (ref readonly var row in page.Rows)
        {
            described.Add($"{row.DateAdded}|{Encoding.UTF8.GetString(page.Id(row))}|{Encoding.UTF8.GetString(page.Type(row))}|{Encoding.UTF8.GetString(page.Version(row))}|{row.IsFirst}|{row.IsLast}|{Encoding.UTF8.GetString(page.Json(row).Span)}");
        }

        return described;
    }
}
