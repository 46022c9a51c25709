// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using static Concord.Detection.Tests.Stix;

namespace Concord.Detection.Tests;

/// <summary>
/// Lines are first scanned without a document, and only those that may meet a candidate are parsed: the
/// scan must never rule out a line the document's prefilter would evaluate, and must count observations
/// and times as the document does.
/// </summary>
public sealed class LineScanTests
{
    private static readonly string[] Patterns =
    [
        "[ipv4-addr:value = '198.51.100.1']",
        "[ipv4-addr:value IN ('203.0.113.5', '192.0.2.77')]",
        "[ipv4-addr:value ISSUBSET '198.51.100.0/28']",
        "[domain-name:value = 'café.example']",
        "[domain-name:value LIKE 'evil.%']",
        "[url:value MATCHES '^http://bad\\\\.example/[a-z]+$']",
        "[file:hashes.'SHA-256' = 'aa11']",
        // Addresses no other pattern selects: only the reference leads to a candidate.
        "[network-traffic:dst_ref.value = '10.1.2.3']",
        "[domain-name:resolves_to_refs[*].value ISSUBSET '10.1.0.0/16']",
        "[domain-name:resolves_to_refs[1].value = '198.51.100.99']",
        "[ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example'] WITHIN 30 SECONDS",
        "[url:value = 'http://bad.example/x'] FOLLOWEDBY [ipv4-addr:value = '192.0.2.77'] WITHIN 30 SECONDS",
    ];

    private static readonly string[] ScoTypes = ["ipv4-addr", "domain-name", "url", "file", "network-traffic"];
    private static readonly string[] Ips = ["198.51.100.1", "198.51.100.99", "203.0.113.5", "192.0.2.77", "10.1.2.3"];
    private static readonly string[] Domains = ["evil.example", "café.example", "cafe\u0301.example", "good.example"];
    private static readonly string[] Urls = ["http://bad.example/x", "http://bad.example/1", "http://good.example/"];
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Times = ["2024-05-01T10:00:00Z", "2024-05-01T10:00:05.5Z", "2024-05-01T09:59:00Z", "2024-05-01T10:00:20.125Z", "2024-13-01T00:00:00Z"];

    [Fact]
    public void Lines_scanned_without_a_document_give_the_same_matches_and_counts_as_parsed_ones()
    {
        Gen.Int[0, int.MaxValue].Array[1, 6].Sample(seeds =>
        {
            var lines = seeds.Select(seed => Line(new Random(seed))).ToList();
            var scanned = Engine(null, [.. Patterns.Select((p, i) => Indicator(Id(i + 1), p))]);
            var parsed = Engine(null, [.. Patterns.Select((p, i) => Indicator(Id(i + 1), p))]);
            var fromScan = new List<DetectionMatch>();
            var fromDocument = new List<DetectionMatch>();
            foreach (var line in lines)
            {
                scanned.ProcessLine(Encoding.UTF8.GetBytes(line), fromScan);
                using var document = JsonDocument.Parse(line);
                parsed.Process(document.RootElement, fromDocument);
            }

            Assert.Equal(Describe(fromDocument), Describe(fromScan));
            Assert.Equal(parsed.Statistics, scanned.Statistics);
            Assert.Equal(parsed.Watermark, scanned.Watermark);
        }, iter: 300);
    }

    [Theory]
    [InlineData("{\"type\": \"bundle\", \"objects\": [{\"type\": \"ipv4-addr\", \"id\": \"ipv4-addr--1\", \"value\": \"198.51.100.1\"}]} x")]
    [InlineData("{\"type\": \"bundle\", \"objects\": [")]
    [InlineData("")]
    public void A_line_that_is_not_JSON_is_reported_as_the_parser_reports_it(string line)
    {
        var engine = Engine(null, Indicator(Id(1), Patterns[0]));
        Assert.ThrowsAny<JsonException>(() => engine.ProcessLine(Encoding.UTF8.GetBytes(line), new List<DetectionMatch>()));
    }

    private static List<string> Describe(List<DetectionMatch> matches) =>
        [.. matches.Select(m => $"{m.IndicatorId} {string.Join(",", m.Bindings.Select(b => $"{b.ObservedDataId}:{b.Expression}:{b.MatchedObject.GetRawText()}"))} {m.FirstSeen} {m.LastSeen}")];

    /// <summary>
    /// A line as the engine may meet it: a bundle (its type first or not, possibly nested), an array or a
    /// single object; observed-data referencing SCOs present or not, 2.0 embedded objects, properties in any
    /// order, sometimes repeated, escaped, null or of another kind.
    /// </summary>
    private static string Line(Random random)
    {
        var objects = new List<string>();
        var observations = random.Next(1, 3);
        for (var o = 0; o < observations; o++)
        {
            // Addresses first, so that the references of the others mostly name one of this observation.
            var scos = new List<(string Id, string Json)>();
            foreach (var type in Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(random, ScoTypes)).OrderBy(t => t == "ipv4-addr" ? 0 : 1))
            {
                scos.Add(Sco(random, type, [.. scos.Select(s => s.Id).Where(i => i.StartsWith("ipv4-addr", StringComparison.Ordinal))]));
            }

            var refs = scos.Select(s => s.Id).Concat(random.Next(4) == 0 ? ["ipv4-addr--missing"] : []).ToList();
            var first = Pick(random, Times);
            var last = random.Next(3) == 0 ? Pick(random, Times) : first;
            var properties = new List<(string, string)>
            {
                ("type", Text(random, "observed-data")),
                ("id", Text(random, $"observed-data--{random.Next(1000)}")),
                ("first_observed", Text(random, first)),
                ("last_observed", Text(random, last)),
                ("number_observed", random.Next(1, 3).ToString(CultureInfo.InvariantCulture)),
            };
            var embedded = random.Next(8) == 0;
            properties.Add(embedded
                ? ("objects", "{" + string.Join(", ", scos.Select((s, i) => $"\"{i}\": {s.Json}")) + "}")
                : ("object_refs", "[" + string.Join(", ", refs.Select(r => $"\"{r}\"")) + "]"));
            objects.Add(Render(random, properties));
            if (!embedded)
            {
                objects.AddRange(scos.Select(s => s.Json));
            }
        }

        Shuffle(random, objects);
        return random.Next(6) switch
        {
            0 => "[" + string.Join(", ", objects) + "]",
            1 when objects.Count == 1 => objects[0],
            2 => Render(random, [("type", "\"bundle\""), ("id", "\"bundle--1\""), ("objects", "[{\"type\": \"bundle\", \"objects\": [" + string.Join(", ", objects) + "]}]")], shuffle: false),
            _ => Render(random, [("type", "\"bundle\""), ("id", "\"bundle--2\""), ("objects", "[" + string.Join(", ", objects) + "]")]),
        };
    }

    private static (string Id, string Json) Sco(Random random, string type, string[] addresses)
    {
        string Reference() => Text(random, addresses.Length > 0 && random.Next(4) != 0 ? Pick(random, addresses) : $"ipv4-addr--{random.Next(6)}");
        var id = $"{type}--{random.Next(6)}";
        var properties = new List<(string, string)> { ("type", Text(random, type)), ("id", Text(random, id)) };
        switch (type)
        {
            case "ipv4-addr":
                properties.Add(("value", Text(random, Pick(random, Ips))));
                break;
            case "domain-name":
                properties.Add(("value", Text(random, Pick(random, Domains))));
                properties.Add(("resolves_to_refs", "[" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Reference())) + "]"));
                break;
            case "url":
                properties.Add(("value", Text(random, Pick(random, Urls))));
                break;
            case "file":
                properties.Add(("hashes", random.Next(6) == 0 ? "\"aa11\"" : $"{{\"SHA-256\": {Text(random, Pick(random, ["aa11", "bb22"]))}, \"MD5\": \"cc33\"}}"));
                break;
            default:
                properties.Add(("dst_ref", random.Next(8) == 0 ? "{\"value\": \"203.0.113.5\"}" : Reference()));
                properties.Add(("dst_port", "443"));
                break;
        }

        if (random.Next(10) == 0)
        {
            properties.Add(("value", random.Next(2) == 0 ? "null" : "7"));
        }

        if (random.Next(10) == 0)
        {
            properties.Add(properties[random.Next(properties.Count)]);
        }

        return (id, Render(random, properties));
    }

    /// <summary>A JSON string, now and then with a character escaped.</summary>
    private static string Text(Random random, string value)
    {
        if (random.Next(12) != 0)
        {
            return JsonSerializer.Serialize(value, Unescaped);
        }

        var at = random.Next(value.Length);
        return "\"" + value[..at] + $"\\u{(int)value[at]:x4}" + value[(at + 1)..] + "\"";
    }

    private static string Render(Random random, List<(string Name, string Json)> properties, bool shuffle = true)
    {
        if (shuffle && random.Next(3) == 0)
        {
            Shuffle(random, properties);
        }

        return "{" + string.Join(", ", properties.Select(p => $"\"{p.Name}\": {p.Json}")) + "}";
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
