// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>Filtering and pagination (sections 3.4 and 3.5) on a collection of known content, through the client and raw.</summary>
[Collection(ServerCollection.Name)]
public sealed class FilterTests(TaxiiServerFixture server) : IAsyncLifetime
{
    private readonly string versioned = StixObjects.NewId("indicator");
    private readonly string malware = StixObjects.NewId("malware");
    private string collection = null!;
    private DateTimeOffset afterFirstBatch;

    public async Task InitializeAsync()
    {
        collection = await server.CollectionAsync("Filters", (server.AlphaId, true, true));
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [StixObjects.Indicator(versioned, StixObjects.Timestamp(1)), StixObjects.Malware(malware)]);
        var manifest = await server.Alpha.GetManifestAsync(server.ApiRoot, collection);
        afterFirstBatch = manifest.DateAddedLast!.Value;
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [StixObjects.Indicator(versioned, StixObjects.Timestamp(2)), StixObjects.Ipv4("203.0.113.9")]);
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [StixObjects.Indicator(versioned, StixObjects.Timestamp(3))]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Match_type_is_an_or_of_types()
    {
        Assert.Equal(["indicator"], await TypesAsync(new TaxiiQuery { Types = ["indicator"] }));
        Assert.Equal(["malware", "indicator"], await TypesAsync(new TaxiiQuery { Types = ["indicator", "malware"] }));
        Assert.Empty(await TypesAsync(new TaxiiQuery { Types = ["x-unknown-type"] }));
    }

    [Fact]
    public async Task Match_id_selects_objects()
    {
        var ids = await IdsAsync(new TaxiiQuery { Ids = [malware, versioned] });
        Assert.Equal([malware, versioned], ids);
    }

    [Theory]
    [InlineData("last", new[] { 3 })]
    [InlineData("first", new[] { 1 })]
    [InlineData("all", new[] { 1, 2, 3 })]
    [InlineData("first,last", new[] { 1, 3 })]
    [InlineData("2024-01-01T00:00:02.000Z", new[] { 2 })]
    [InlineData("2024-01-01T00:00:02Z,first", new[] { 1, 2 })]
    public async Task Match_version_selects_versions(string filter, int[] seconds)
    {
        var page = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, new TaxiiQuery { Ids = [versioned], Versions = filter.Split(',') });
        Assert.Equal(seconds.Select(s => StixObjects.Timestamp(s)), page.Resource.Objects!.Select(o => o.GetProperty("modified").GetString()));

        var manifest = await server.Alpha.GetManifestAsync(server.ApiRoot, collection, new TaxiiQuery { Ids = [versioned], Versions = filter.Split(',') });
        Assert.Equal(seconds.Select(s => StixObjects.Timestamp(s)), manifest.Resource.Objects!.Select(o => o.Version));

        var single = await server.Alpha.GetObjectAsync(server.ApiRoot, collection, versioned, new TaxiiQuery { Versions = filter.Split(',') });
        Assert.Equal(seconds.Length, single.Resource.Objects!.Count);
    }

    [Fact]
    public async Task Match_spec_version_filters()
    {
        Assert.Equal(3, (await IdsAsync(new TaxiiQuery { SpecVersions = ["2.1"] })).Count);
        Assert.Empty(await IdsAsync(new TaxiiQuery { SpecVersions = ["2.0"] }));
    }

    [Fact]
    public async Task Added_after_excludes_what_came_before()
    {
        var ids = await IdsAsync(new TaxiiQuery { AddedAfter = afterFirstBatch, Versions = ["all"] });
        Assert.DoesNotContain(malware, ids);
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Limit_sets_more_and_next_and_next_continues_without_repeats()
    {
        var query = new TaxiiQuery { Limit = 2, Versions = ["all"] };
        var first = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query);
        Assert.Equal(2, first.Resource.Objects!.Count);
        Assert.True(first.Resource.More);
        Assert.NotNull(first.Resource.Next);
        var second = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query with { Next = first.Resource.Next });
        var third = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query with { Next = second.Resource.Next });
        Assert.Null(third.Resource.More);
        var all = first.Resource.Objects.Concat(second.Resource.Objects!).Concat(third.Resource.Objects!).Select(Key).ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.True(first.DateAddedLast < second.DateAddedFirst);

        var everything = new List<string>();
        await foreach (var item in server.Alpha.GetAllObjectsAsync(server.ApiRoot, collection, query))
        {
            everything.Add(Key(item));
        }

        Assert.Equal(all, everything);
    }

    [Fact]
    public async Task Raw_filters_in_the_query_string()
    {
        var url = server.CollectionUrl(collection, "objects/?match[type]=indicator&match[version]=all&limit=1");
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, url, server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.True(json.RootElement.GetProperty("more").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("objects").GetArrayLength());
        var next = json.RootElement.GetProperty("next").GetString()!;

        using var following = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, $"objects/?match[type]=indicator&match[version]=all&limit=10&next={Uri.EscapeDataString(next)}"), server.AlphaToken));
        using var rest = await Assertions.TaxiiJsonAsync(following);
        Assert.Equal(2, rest.RootElement.GetProperty("objects").GetArrayLength());
        Assert.False(rest.RootElement.TryGetProperty("more", out _));
    }

    [Fact]
    public async Task Empty_results_are_an_empty_envelope()
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, "objects/?match[type]=campaign"), server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.Empty(json.RootElement.EnumerateObject());
    }

    private async Task<List<string>> IdsAsync(TaxiiQuery query)
    {
        var page = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query);
        return (page.Resource.Objects ?? []).Select(o => o.GetProperty("id").GetString()!).ToList();
    }

    private async Task<List<string>> TypesAsync(TaxiiQuery query)
    {
        var page = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query);
        return (page.Resource.Objects ?? []).Select(o => o.GetProperty("type").GetString()!).ToList();
    }

    private static string Key(JsonElement item) =>
        item.GetProperty("id").GetString() + "@" + (item.TryGetProperty("modified", out var m) ? m.GetString() : string.Empty);
}
