// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Date added ordering under concurrency and clock changes, paging while writing, and durability across reopening.</summary>
public abstract partial class OrderingConformance : StoreTestBase
{
    [Fact]
    public async Task Paging_ten_thousand_objects_while_another_thread_inserts_never_skips_or_repeats()
    {
        var store = Open(clock: TimeProvider.System);
        var collection = await NewCollectionAsync(store);
        for (var batch = 0; batch < 10; batch++)
        {
            await store.AddObjectsAsync(collection, Enumerable.Range(batch * 1000, 1000).Select(n => Sdo(Indicator(n))).ToArray());
        }

        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentBag<string>();
        var writer = Task.Run(async () =>
        {
            var n = 100_000;
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(n, 50).Select(i => Sdo(Indicator(i))).ToArray();
                n += 50;
                foreach (var result in await store.AddObjectsAsync(collection, batch))
                {
                    acknowledged.Add(result.Id);
                }

                // New versions of already-paged objects go to the end of the order too.
                await store.AddObjectsAsync(collection, [Sdo(Indicator(n % 10_000), modified: "2025-01-01T00:00:00.000Z")]);
            }
        });

        var seen = new List<StoredObject>();
        var query = ObjectQuery.Default with { Limit = 1000, Versions = VersionFilter.AllVersions };
        Page<StoredObject> page;
        var pages = 0;
        do
        {
            page = await store.GetObjectsAsync(collection, query);
            Assert.True(page.Items.Count <= 1000);
            seen.AddRange(page.Items);
            // A last page has no next token, yet the extra read below must resume after it, not start over.
            query = query with { Next = page.DateAddedLast is { } last ? new PageToken(last) : query.Next };
            pages++;
            if (pages == 10)
            {
                await stop.CancelAsync();
                await writer;
            }
        }
        // One page more after the writer stopped: the tenth page may have ended before its last batch was committed.
        while (page.More || pages <= 10);

        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.DateAdded < p.Second.DateAdded), "date added strictly increasing");
        Assert.Equal(seen.Count, seen.Select(o => (o.Id, o.Version)).Distinct().Count());
        var ids = seen.Select(o => o.Id).ToHashSet();
        Assert.All(Enumerable.Range(0, 10_000), n => Assert.Contains(Indicator(n), ids));
        Assert.All(acknowledged, id => Assert.Contains(id, ids));
    }

    [Fact]
    public async Task Concurrent_writers_get_unique_strictly_increasing_dates_in_commit_order()
    {
        var store = Open(clock: TimeProvider.System);
        var collection = await NewCollectionAsync(store);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<AddObjectResult>();
            for (var b = 0; b < 20; b++)
            {
                mine.AddRange(await store.AddObjectsAsync(collection, Enumerable.Range(0, 10).Select(i => Sdo(Indicator((w * 1000) + (b * 10) + i))).ToArray()));
            }

            return mine;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, r => Assert.Equal(AddOutcome.Added, r.Outcome));
        Assert.Equal(all.Count, all.Select(r => r.DateAdded).Distinct().Count());
        Assert.All(results, mine => Assert.True(mine.Zip(mine.Skip(1)).All(p => p.First.DateAdded < p.Second.DateAdded)));
        var stored = await AllPagesAsync(q => store.GetManifestAsync(collection, q), ObjectQuery.Default with { Limit = 333 });
        Assert.Equal(all.Select(r => r.DateAdded!.Value).Order(), stored.Select(m => m.DateAdded));
    }

    [Fact]
    public async Task Date_added_keeps_increasing_when_the_clock_goes_backwards_and_across_reopening()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var first = (await store.AddObjectsAsync(collection, [Sdo(Indicator(1))]))[0].DateAdded!.Value;
        var same = (await store.AddObjectsAsync(collection, [Sdo(Indicator(2))]))[0].DateAdded!.Value;
        Clock.Now -= TimeSpan.FromHours(1);
        var back = (await store.AddObjectsAsync(collection, [Sdo(Indicator(3))]))[0].DateAdded!.Value;
        await store.DeleteObjectAsync(collection, Indicator(3));
        await store.DisposeAsync();

        var reopened = Open();
        var afterReopen = (await reopened.AddObjectsAsync(collection, [Sdo(Indicator(4))]))[0].DateAdded!.Value;

        Assert.Equal(new DateAdded(first.UnixMicroseconds + 1), same);
        Assert.Equal(new DateAdded(first.UnixMicroseconds + 2), back);
        Assert.Equal(new DateAdded(first.UnixMicroseconds + 3), afterReopen);
        Assert.Equal(DateAdded.FromInstant(Clock.Now + TimeSpan.FromHours(1)), first);
    }

    [Fact]
    public async Task Everything_acknowledged_is_there_after_reopening()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        var batch = Enumerable.Range(0, 500).Select(n => Sdo(Indicator(n), extra: "\"n\":" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        await store.AddObjectsAsync(collection, batch);
        await store.DisposeAsync();

        var reopened = Open();
        var stored = await AllPagesAsync(q => reopened.GetObjectsAsync(collection, q), ObjectQuery.Default with { Limit = 100 });

        Assert.Equal(batch.Select(b => b.ToArray()), stored.Select(s => s.Json.ToArray()));
        Assert.NotNull(await reopened.GetCollectionAsync(collection));
    }
}
