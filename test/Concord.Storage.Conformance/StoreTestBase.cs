// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Storage.Collections;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>
/// The base of every conformance class: an engine derives from the concrete suites and implements
/// <see cref="OpenStore"/>. Stores are opened lazily and disposed after each test.
/// </summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private readonly List<IConcordStore> opened = [];

    protected ManualClock Clock { get; } = new();

    /// <summary>Opens (creating on first use) the database named <paramref name="database"/>, private to this test instance.</summary>
    protected abstract IConcordStore OpenStore(string database, TimeProvider clock);

    /// <summary>Deletes every database this test instance created.</summary>
    protected abstract Task DeleteDatabasesAsync();

    protected IConcordStore Open(string database = "main", TimeProvider? clock = null)
    {
        var store = OpenStore(database, clock ?? Clock);
        opened.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabasesAsync();
    }

    protected static async Task<Guid> NewCollectionAsync(IConcordStore store, string root = "api1")
    {
        var id = Guid.NewGuid();
        await store.CreateCollectionAsync(new CollectionInfo(id, root, "Collection " + id.ToString("N")[..6]));
        return id;
    }

    protected static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    protected static string Indicator(int n) => "indicator--" + new Guid(n, 0, 0, new byte[8]).ToString("D");

    protected static ReadOnlyMemory<byte> Sdo(string id, string? modified = "2024-01-01T00:00:00.000Z", string? created = "2023-01-01T00:00:00.000Z", string? specVersion = "2.1", string? extra = null)
    {
        var type = id[..id.IndexOf("--", StringComparison.Ordinal)];
        var b = new StringBuilder("{\"type\":\"").Append(type).Append("\",\"id\":\"").Append(id).Append('"');
        if (specVersion is not null)
        {
            b.Append(",\"spec_version\":\"").Append(specVersion).Append('"');
        }

        if (created is not null)
        {
            b.Append(",\"created\":\"").Append(created).Append('"');
        }

        if (modified is not null)
        {
            b.Append(",\"modified\":\"").Append(modified).Append('"');
        }

        if (extra is not null)
        {
            b.Append(',').Append(extra);
        }

        return Utf8(b.Append('}').ToString());
    }

    protected static async Task<List<T>> AllPagesAsync<T>(Func<ObjectQuery, Task<Page<T>>> query, ObjectQuery start)
        where T : class
    {
        var items = new List<T>();
        var q = start;
        while (true)
        {
            var page = await query(q);
            items.AddRange(page.Items);
            if (!page.More)
            {
                return items;
            }

            q = q with { Next = page.Next };
        }
    }
}
