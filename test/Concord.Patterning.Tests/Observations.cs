// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concord.Patterning.Tests;

/// <summary>Builds bundles of observed-data and SCOs for evaluator tests.</summary>
internal sealed class Observations
{
    private readonly JsonArray objects = [];
    private int counter;

    /// <summary>Adds a STIX 2.1 observed-data with <c>object_refs</c> to the given SCOs (which are added too).</summary>
    public string Add(string first, string last, params JsonObject[] scos) => AddCounted(first, last, 1, scos);

    public string AddCounted(string first, string last, int numberObserved, params JsonObject[] scos)
    {
        var refs = new JsonArray();
        foreach (var sco in scos)
        {
            sco["id"] ??= $"{sco["type"]}--{Guid.NewGuid()}";
            refs.Add(sco["id"]!.GetValue<string>());
            objects.Add(sco);
        }

        var id = Next();
        objects.Add(new JsonObject
        {
            ["type"] = "observed-data",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["first_observed"] = first,
            ["last_observed"] = last,
            ["number_observed"] = numberObserved,
            ["object_refs"] = refs,
        });
        return id;
    }

    /// <summary>Adds an SCO that no observed-data refers to.</summary>
    public void AddLoose(JsonObject sco) => objects.Add(sco);

    /// <summary>Adds a deprecated observed-data with an <c>objects</c> dictionary.</summary>
    public string AddDeprecated(string first, string last, JsonObject dictionary)
    {
        var id = Next();
        objects.Add(new JsonObject
        {
            ["type"] = "observed-data",
            ["id"] = id,
            ["first_observed"] = first,
            ["last_observed"] = last,
            ["number_observed"] = 1,
            ["objects"] = dictionary,
        });
        return id;
    }

    public JsonElement Bundle() => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = "bundle--" + Guid.NewGuid(),
        ["objects"] = objects.DeepClone(),
    });

    public PatternMatchResult Match(string pattern) => StixPattern.Parse(pattern).Match(Bundle());

    public bool Matches(string pattern) => Match(pattern).IsMatch;

    public static JsonObject Sco(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var sco = new JsonObject { ["type"] = type };
        foreach (var (name, value) in properties)
        {
            sco[name] = value;
        }

        return sco;
    }

    /// <summary>One observed-data holding one SCO, evaluated against a pattern.</summary>
    public static bool MatchesSingle(string pattern, JsonObject sco)
    {
        var observations = new Observations();
        observations.Add("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", sco);
        return observations.Matches(pattern);
    }

    private string Next() => $"observed-data--00000000-0000-4000-8000-{++counter:D12}";
}
