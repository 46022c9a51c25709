// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Stix.Json;
using Concord.Stix.Validation;
using CsCheck;

namespace Concord.Stix.Tests.Fuzz;

/// <summary>
/// On arbitrary input the reader and validator give a located error or a verdict, never another
/// exception: truncations and byte flips of real content, and arbitrary JSON values put in place of
/// any property of a valid object.
/// </summary>
public sealed class MalformedInputPropertyTests
{
    private static readonly StixValidator Validator = new();

    private static readonly byte[] Sample = Encoding.UTF8.GetBytes("""
        {"type": "bundle", "id": "bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241", "objects": [
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "created": "2016-04-06T20:03:48.000Z",
           "modified": "2016-04-06T20:03:48.000Z", "name": "Poison Ivy", "pattern": "[file:hashes.MD5 = '3773a88f65a5e780c8dff9cdc3a056f3']",
           "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z", "kill_chain_phases": [{"kill_chain_name": "mandiant-attack-lifecycle-model", "phase_name": "initial-compromise"}],
           "external_references": [{"source_name": "capec", "external_id": "CAPEC-163"}], "granular_markings": [{"marking_ref": "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "selectors": ["name"]}]},
          {"type": "file", "id": "file--58b737df-921c-51f4-a2ec-a0f68ea8b3d3", "hashes": {"MD5": "3773a88f65a5e780c8dff9cdc3a056f3"}, "extensions": {"archive-ext": {"contains_refs": ["file--58b737df-921c-51f4-a2ec-a0f68ea8b3d3"]}}},
          {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf", "created": "2016-04-06T19:58:16.000Z",
           "modified": "2016-04-06T19:58:16.000Z", "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 50,
           "objects": {"0": {"type": "ipv4-addr", "value": "198.51.100.3"}, "1": {"type": "network-traffic", "src_ref": "0", "protocols": ["tcp"]}}}
        ]}
        """);

    [Fact]
    public void Truncated_and_corrupted_input_gives_a_located_error_or_a_verdict()
    {
        Gen.Select(Gen.Int[0, Sample.Length], Gen.Int[0, Sample.Length - 1], Gen.Byte).Sample((cut, flip, value) =>
        {
            var bytes = Sample[..cut];
            if (flip < bytes.Length)
            {
                bytes[flip] = value;
            }

            ReadAndValidate(bytes);
        }, iter: 3000);
    }

    [Fact]
    public void Any_json_value_in_place_of_any_property_gives_a_verdict()
    {
        var root = JsonNode.Parse(Sample)!;
        var paths = Paths(root).ToArray();
        Gen.Select(Gen.Int[0, paths.Length - 1], AnyJson(3)).Sample((index, replacement) =>
        {
            var copy = JsonNode.Parse(Sample)!;
            Replace(copy, paths[index], JsonNode.Parse(replacement));
            using var document = JsonDocument.Parse(copy.ToJsonString());
            var report = Validator.Validate(document.RootElement);
            Assert.All(report.Findings, f => Assert.StartsWith("$", f.Path, StringComparison.Ordinal));
        }, iter: 3000);
    }

    private static void ReadAndValidate(byte[] bytes)
    {
        try
        {
            using var reader = new StixStreamReader(new MemoryStream(bytes), "fuzz.json");
            foreach (var (document, path) in reader.ReadObjects())
            {
                using (document)
                {
                    _ = Validator.ValidateObject(document.RootElement, path);
                }
            }

            if (reader.Header is { } header)
            {
                _ = Validator.Validate(header);
            }
        }
        catch (StixFormatException e)
        {
            Assert.True(e.Line >= 1 && e.Column >= 1, e.Message);
        }
    }

    private static Gen<string> AnyJson(int depth) =>
        depth == 0
            ? Gen.OneOf(Gen.Const("null"), Gen.Const("true"), Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                Gen.String.Select(s => JsonSerializer.Serialize(s)), Gen.Const("\"2016-04-06T20:03:48.000Z\""), Gen.Const("\"identity--311b2d2d-f010-4473-83ec-1edf84858f4c\""))
            : Gen.OneOf(AnyJson(0),
                AnyJson(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"),
                Gen.Select(Gen.String.AlphaNumeric, AnyJson(depth - 1)).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2).Distinct()) + "}"));

    private static IEnumerable<object[]> Paths(JsonNode node, object[]? prefix = null)
    {
        prefix ??= [];
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    object[] path = [.. prefix, key];
                    yield return path;
                    if (child is not null)
                    {
                        foreach (var inner in Paths(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    object[] path = [.. prefix, i];
                    yield return path;
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Paths(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void Replace(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is string key ? parent![key]! : parent![(int)step]!;
        }

        if (path[^1] is string name)
        {
            parent!.AsObject()[name] = value;
        }
        else
        {
            parent!.AsArray()[(int)path[^1]] = value;
        }
    }
}
