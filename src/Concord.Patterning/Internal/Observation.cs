// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix;

namespace Concord.Patterning.Internal;

/// <summary>
/// One observed-data object prepared for matching: its time window, count, the SCOs it holds and how
/// its references resolve (by key in a 2.0-style <c>objects</c> dictionary, or by id among
/// <c>object_refs</c> in 2.1).
/// </summary>
internal sealed class Observation
{
    private readonly Dictionary<string, JsonElement> resolvable;

    private Observation(int index, JsonElement observedData, StixTimestamp first, StixTimestamp last, long count, Dictionary<string, JsonElement> resolvable)
    {
        Index = index;
        ObservedData = observedData;
        FirstObserved = first;
        LastObserved = last;
        Count = count;
        this.resolvable = resolvable;
        Objects = [.. resolvable.Values];
    }

    public int Index { get; }

    public JsonElement ObservedData { get; }

    public StixTimestamp FirstObserved { get; }

    public StixTimestamp LastObserved { get; }

    public long Count { get; }

    public IReadOnlyList<JsonElement> Objects { get; }

    /// <summary>Flattens bundles and arrays and builds the observations, in input order.</summary>
    public static List<Observation> Collect(IEnumerable<JsonElement> input)
    {
        var all = new List<JsonElement>();
        foreach (var element in input)
        {
            Flatten(element, all);
        }

        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in all)
        {
            if (StringProperty(item, "id") is { } id)
            {
                byId.TryAdd(id, item);
            }
        }

        var observations = new List<Observation>();
        foreach (var item in all)
        {
            if (StringProperty(item, "type") != "observed-data"
                || !StixTimestamp.TryParse(StringProperty(item, "first_observed"), out var first)
                || !StixTimestamp.TryParse(StringProperty(item, "last_observed"), out var last))
            {
                continue;
            }

            var count = item.TryGetProperty("number_observed", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var value) && value >= 1 ? value : 1;
            var resolvable = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (item.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in objects.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Object)
                    {
                        resolvable.TryAdd(entry.Name, entry.Value);
                    }
                }
            }
            else if (item.TryGetProperty("object_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
            {
                foreach (var reference in refs.EnumerateArray())
                {
                    if (reference.ValueKind == JsonValueKind.String && byId.TryGetValue(reference.GetString()!, out var sco))
                    {
                        resolvable.TryAdd(reference.GetString()!, sco);
                    }
                }
            }

            observations.Add(new Observation(observations.Count, item, first, last, count, resolvable));
        }

        return observations;
    }

    /// <summary>
    /// The same observation at another position, so that observations collected separately can be
    /// searched together (the detection engine keeps them across input lines).
    /// </summary>
    public Observation WithIndex(int index) => new(index, ObservedData, FirstObserved, LastObserved, Count, resolvable);

    /// <summary>Follows a reference; only objects of this observation can be reached.</summary>
    public bool TryResolve(string reference, out JsonElement target) => resolvable.TryGetValue(reference, out target);

    internal static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void Flatten(JsonElement element, List<JsonElement> into)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Flatten(item, into);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            if (StringProperty(element, "type") == "bundle" && element.TryGetProperty("objects", out var objects))
            {
                Flatten(objects, into);
            }
            else
            {
                into.Add(element);
            }
        }
    }
}
