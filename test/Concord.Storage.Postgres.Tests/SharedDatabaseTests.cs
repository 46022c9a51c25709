// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Collections;
using Concord.Storage.Conformance;
using Concord.Storage.Objects;

namespace Concord.Storage.Postgres.Tests;

/// <summary>Several processes on one database: the date added stays strictly increasing per collection in commit order.</summary>
public sealed class SharedDatabaseTests : PostgresTestBase
{
    [Fact]
    public async Task Two_stores_with_clocks_an_hour_apart_give_one_collection_unique_increasing_dates()
    {
        var behind = new ManualClock { Now = DateTimeOffset.UtcNow - TimeSpan.FromHours(1) };
        await using var first = await Schemas.OpenAsync("shared", TimeProvider.System);
        await using var second = await Schemas.OpenAsync("shared", behind);
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "c");
        await first.CreateCollectionAsync(collection);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? first : second;
            var mine = new List<AddObjectResult>();
            for (var b = 0; b < 15; b++)
            {
                mine.AddRange(await store.AddObjectsAsync(collection.Id, Enumerable.Range(0, 5).Select(i => StoreObjects.Indicator((w * 1000) + (b * 10) + i)).ToArray()));
            }

            return mine;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, r => Assert.Equal(AddOutcome.Added, r.Outcome));
        Assert.Equal(all.Count, all.Select(r => r.DateAdded).Distinct().Count());
        Assert.All(results, mine => Assert.True(mine.Zip(mine.Skip(1)).All(p => p.First.DateAdded < p.Second.DateAdded)));
        var manifest = await second.GetManifestAsync(collection.Id, ObjectQuery.Default);
        Assert.Equal(all.Select(r => r.DateAdded!.Value).Order(), manifest.Items.Select(m => m.DateAdded));
    }
}
