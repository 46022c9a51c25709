// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Testing;

namespace Concord.Detection.Tests;

/// <summary>Builds indicators and observations for the tests, and runs an engine over them.</summary>
internal static class Stix
{
    private static int next;

    public static string Indicator(string id, string pattern, string modified = "2024-01-01T00:00:00.000Z", string? validUntil = null, bool revoked = false) =>
        DetectionWorkload.IndicatorJson(id, pattern, "2020-01-01T00:00:00Z", validUntil, modified, revoked);

    public static string Id(int n) => $"indicator--00000000-0000-4000-8000-{n:D12}";

    /// <summary>A bundle with one observed-data at <paramref name="time"/> holding the SCOs (JSON objects without ids).</summary>
    public static string Observation(string id, string time, params string[] scos) => Observation(id, time, time, 1, scos);

    public static string Observation(string id, string first, string last, int count, params string[] scos)
    {
        var ids = scos.Select(s => $"{TypeOf(s)}--{Guid.NewGuid()}").ToList();
        var objects = scos.Select((s, i) => "{\"id\": \"" + ids[i] + "\", " + s.TrimStart()[1..]);
        return $"{{\"type\": \"bundle\", \"id\": \"bundle--{Guid.NewGuid()}\", \"objects\": [" +
            $"{{\"type\": \"observed-data\", \"spec_version\": \"2.1\", \"id\": \"{id}\", \"created\": \"{first}\", \"modified\": \"{first}\", \"first_observed\": \"{first}\", \"last_observed\": \"{last}\", \"number_observed\": {count}, \"object_refs\": [{string.Join(", ", ids.Select(i => $"\"{i}\""))}]}}" +
            (scos.Length > 0 ? ", " : string.Empty) + string.Join(", ", objects) + "]}";
    }

    public static string ObservedDataId() => $"observed-data--00000000-0000-4000-8000-{Interlocked.Increment(ref next):D12}";

    public static string Ip(string value) => $"{{\"type\": \"ipv4-addr\", \"value\": \"{value}\"}}";

    public static string Domain(string value) => $"{{\"type\": \"domain-name\", \"value\": \"{value}\"}}";

    public static string Url(string value) => $"{{\"type\": \"url\", \"value\": \"{value}\"}}";

    public static DetectionEngine Engine(DetectionOptions? options, params string[] indicators)
    {
        var engine = new DetectionEngine(options);
        foreach (var indicator in indicators)
        {
            Apply(engine, indicator);
        }

        return engine;
    }

    public static IndicatorUpdate Apply(DetectionEngine engine, string indicator)
    {
        using var document = JsonDocument.Parse(indicator);
        return engine.Apply(document.RootElement);
    }

    public static List<DetectionMatch> Run(DetectionEngine engine, params string[] lines)
    {
        var matches = new List<DetectionMatch>();
        foreach (var line in lines)
        {
            engine.ProcessLine(Encoding.UTF8.GetBytes(line), matches);
        }

        return matches;
    }

    private static string TypeOf(string sco)
    {
        using var document = JsonDocument.Parse(sco);
        return document.RootElement.GetProperty("type").GetString()!;
    }
}
