// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Postgres.Internal;

namespace Concord.Storage.Postgres.Tests;

/// <summary>Objects are stored as jsonb for queries on content, and byte for byte even when jsonb cannot hold them.</summary>
public sealed class JsonbTests : PostgresTestBase
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "\"plain\"", true },
        { "\"caf\\u00e9 \\n \\\" \\\\\"", true },
        { "\"\\ud83d\\ude00\"", true },
        { "\"\\u0000\"", false },
        { "\"\\\\u0000\"", true },
        { "\"\\ud83d\"", false },
        { "\"\\ude00\\ud83d\"", false },
        { "\"\\ud83d\\u0041\"", false },
        { "\"\\ud83dx\"", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Jsonb_refuses_nul_and_unpaired_surrogate_escapes(string json, bool holds) =>
        Assert.Equal(holds, JsonbText.CanHold(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Jsonb_refuses_invalid_utf8() =>
        Assert.False(JsonbText.CanHold([(byte)'"', 0xC3, 0x28, (byte)'"']));

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Every_text_round_trips_and_body_is_jsonb_exactly_when_it_can_be(string json, bool holds)
    {
        await using var store = await Schemas.OpenAsync("main", TimeProvider.System);
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "c");
        await store.CreateCollectionAsync(collection);
        var bytes = StoreObjects.Indicator(1, ",\"name\":" + json);

        var added = Assert.Single(await store.AddObjectsAsync(collection.Id, [bytes]));
        var stored = Assert.Single((await store.GetObjectsAsync(collection.Id, ObjectQuery.Default)).Items);
        var name = await PostgresServer.ExecuteAsync($"SELECT body->>'name' FROM \"{Schemas.Name("main")}\".objects;");

        Assert.Equal(AddOutcome.Added, added.Outcome);
        Assert.Equal(bytes.ToArray(), stored.Json.ToArray());
        Assert.Equal(holds, name is string);
        if (holds)
        {
            Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<string>(json), name);
        }
    }
}
