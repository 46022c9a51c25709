// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Federation.Tests.Support;
using Concord.Stix.Model.Meta;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;

namespace Concord.Federation.Tests;

/// <summary><c>concord detect --collection</c> keeps its sightings in the node (the real command on a real data directory).</summary>
public sealed partial class DetectStorageTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-detect-keep-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Detect_with_a_collection_stores_the_sightings_marked_and_made_by_the_node()
    {
        var environment = new Dictionary<string, string> { ["CONCORD_ADMIN_PASSWORD"] = "correct horse battery staple" };
        var init = await Support.Concord.RunAsync(environment, "init", "--data", directory, "--org", "b");
        var collection = Support.Concord.DefaultCollectionOf(init);
        var node = IdentityLine().Match(init).Groups[1].Value;
        var indicator = StixObjects.Indicator(TlpLevel.Green, address: 9);
        var indicators = Path.Combine(directory, "indicators.json");
        var observations = Path.Combine(directory, "telemetry.jsonl");
        await File.WriteAllTextAsync(indicators, $"[{indicator.ToJsonString()}]");
        await File.WriteAllTextAsync(observations, "{\"event\": \"flow\", \"time\": \"2024-06-01T10:00:00Z\", \"src_ip\": \"10.0.0.5\", \"dst_ip\": \"198.51.0.9\"}\n");

        await Support.Concord.RunAsync(environment, "detect", "--data", directory, "--indicators", indicators, "--observations", observations,
            "--collection", collection.ToString("D"), "--tlp", "amber", "--out", Path.Combine(directory, "sightings.json"));

        using var store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        var stored = (await store.GetObjectsAsync(collection, new ObjectQuery { Types = ["sighting"] })).Items;
        var sighting = JsonDocument.Parse(Assert.Single(stored).Json).RootElement;
        Assert.Equal(indicator["id"]!.GetValue<string>(), sighting.GetProperty("sighting_of_ref").GetString());
        Assert.Equal(TlpMarkings.Tlp2IdOf(TlpLevel.Amber), sighting.GetProperty("object_marking_refs")[0].GetString());
        Assert.Equal(node, sighting.GetProperty("where_sighted_refs")[0].GetString());
    }

    [GeneratedRegex(@"node identity:\s+(identity--[0-9a-f-]{36})")]
    private static partial Regex IdentityLine();
}
