// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>Pagination (section 3.5) over 10,000 objects while another client keeps inserting: nothing skipped, nothing repeated.</summary>
[Collection(ServerCollection.Name)]
public sealed class PagingTests(TaxiiServerFixture server)
{
    [Fact]
    public async Task Paging_through_ten_thousand_objects_while_another_client_inserts_skips_and_repeats_nothing()
    {
        var collection = await server.CollectionAsync("Paging", (server.AlphaId, true, true));
        var initial = new HashSet<string>(StringComparer.Ordinal);
        for (var batch = 0; batch < 10; batch++)
        {
            var objects = Enumerable.Range(0, 1000).Select(_ => StixObjects.Indicator()).ToList();
            initial.UnionWith(objects.Select(o => o.GetProperty("id").GetString()!));
            var status = await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, objects);
            Assert.Equal(1000, status.SuccessCount);
        }

        using var stop = new CancellationTokenSource();
        var inserted = new List<string>();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var writerClient = new TaxiiClient(server.Http, TaxiiCredentials.Bearer(server.AlphaToken));
            for (var batch = 0; batch < 40 && !stop.IsCancellationRequested; batch++)
            {
                var objects = Enumerable.Range(0, 50).Select(_ => StixObjects.Indicator()).ToList();
                await writerClient.AddObjectsAsync(server.ApiRoot, collection, objects);
                lock (inserted)
                {
                    inserted.AddRange(objects.Select(o => o.GetProperty("id").GetString()!));
                }

                writing.TrySetResult();
            }
        });

        // The reader starts once the writer is under way, so that pages are read while batches are committed.
        await writing.Task;

        var seen = new List<string>();
        DateTimeOffset? previousLast = null;
        var query = new TaxiiQuery { Limit = 1000 };
        var pages = 0;
        while (true)
        {
            var page = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query);
            pages++;
            var objects = page.Resource.Objects ?? [];
            Assert.True(objects.Count <= 1000);
            seen.AddRange(objects.Select(o => o.GetProperty("id").GetString()!));
            if (objects.Count > 0)
            {
                Assert.True(previousLast is null || page.DateAddedFirst > previousLast, "pages overlap in date added");
                previousLast = page.DateAddedLast;
            }

            if (page.Resource.More != true)
            {
                break;
            }

            query = query with { Next = page.Resource.Next };
        }

        int insertedWhileReading;
        lock (inserted)
        {
            insertedWhileReading = inserted.Count;
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(pages >= 10);
        Assert.True(insertedWhileReading > 0);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(seen.ToHashSet(StringComparer.Ordinal), initial);
        lock (inserted)
        {
            Assert.Subset(initial.Concat(inserted).ToHashSet(StringComparer.Ordinal), seen.ToHashSet(StringComparer.Ordinal));
        }

        // A final pass after the writer stopped sees everything exactly once.
        var all = new List<string>();
        await foreach (var item in server.Alpha.GetAllObjectsAsync(server.ApiRoot, collection, new TaxiiQuery { Limit = 1000 }))
        {
            all.Add(item.GetProperty("id").GetString()!);
        }

        Assert.Equal(initial.Count + inserted.Count, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }
}
