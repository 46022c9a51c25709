// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Globalization;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>Many writers and paging readers at once, for a sustained period.</summary>
public abstract partial class OrderingConformance
{
    private const int Writers = 8;
    private const int Readers = 4;

    /// <summary>How long the writers write. The acceptance run of the storage issue uses 30 seconds.</summary>
    protected virtual TimeSpan ConcurrencyDuration => TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Eight_writers_and_four_paging_readers_never_miss_repeat_or_lose_an_object()
    {
        var store = Open(clock: TimeProvider.System);
        var collection = await NewCollectionAsync(store);
        using var stop = new CancellationTokenSource(ConcurrencyDuration);
        var acknowledged = new ConcurrentBag<string>();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                // Batches of different sizes, so that transactions overlap in every way.
                var size = 1 + ((batch * 7) + w) % 25;
                var objects = Enumerable.Range(0, size)
                    .Select(i => Sdo("indicator--" + new Guid(w, (short)(batch >> 16), (short)batch, [0, 0, 0, 0, 0, 0, (byte)(i >> 8), (byte)i]).ToString("D")))
                    .ToArray();
                var results = await store.AddObjectsAsync(collection, objects);
                Assert.All(results, r => Assert.Equal(AddOutcome.Added, r.Outcome));
                foreach (var result in results)
                {
                    acknowledged.Add(result.Id);
                }
            }
        })).ToArray();

        var writing = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            var seen = new List<ManifestRecord>();
            var query = ObjectQuery.Default with { Limit = 50 + (r * 100), Versions = VersionFilter.AllVersions };
            var finished = false;
            while (true)
            {
                // Read to the end of what is committed; once the writers are done, one more pass reads the rest.
                var page = await store.GetManifestAsync(collection, query);
                seen.AddRange(page.Items);
                if (page.DateAddedLast is { } last)
                {
                    query = query with { Next = new PageToken(last) };
                }

                if (page.More)
                {
                    continue;
                }

                if (finished)
                {
                    return seen;
                }

                finished = writing.IsCompleted;
            }
        })).ToArray();

        await writing;
        var reads = await Task.WhenAll(readers);
        var stored = await AllPagesAsync(q => store.GetManifestAsync(collection, q), ObjectQuery.Default with { Limit = 1000, Versions = VersionFilter.AllVersions });

        var expected = acknowledged.Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.Length > Writers, "every writer acknowledged objects");
        Assert.Equal(expected, stored.Select(m => m.Id).Order(StringComparer.Ordinal));
        for (var r = 0; r < reads.Length; r++)
        {
            var seen = reads[r];
            var reader = "reader " + r.ToString(CultureInfo.InvariantCulture);
            Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.DateAdded < p.Second.DateAdded), reader + ": date added strictly increasing, so nothing repeated");
            Assert.Equal(expected, seen.Select(m => m.Id).Order(StringComparer.Ordinal));
        }
    }
}
