// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix;
using static Concord.Detection.Tests.Stix;

namespace Concord.Detection.Tests;

public sealed class InputAndOutputTests
{
    [Fact]
    public void A_flow_maps_to_network_traffic_with_its_addresses_and_ports()
    {
        using var bundle = TelemetryEvents.Map(Parse("{\"event\": \"flow\", \"time\": \"2024-05-01T10:00:00Z\", \"src_ip\": \"10.0.0.1\", \"dst_ip\": \"2001:db8::1\", \"src_port\": 51000, \"dst_port\": 443, \"protocol\": \"TCP\"}"));
        var objects = bundle.RootElement.GetProperty("objects").EnumerateArray().ToList();
        var traffic = objects.Single(o => o.GetProperty("type").GetString() == "network-traffic");
        Assert.Equal(443, traffic.GetProperty("dst_port").GetInt32());
        Assert.Equal("tcp", traffic.GetProperty("protocols")[0].GetString());
        var destination = objects.Single(o => o.GetProperty("id").GetString() == traffic.GetProperty("dst_ref").GetString());
        Assert.Equal("ipv6-addr", destination.GetProperty("type").GetString());
        var observed = objects.Single(o => o.GetProperty("type").GetString() == "observed-data");
        Assert.Equal(3, observed.GetProperty("object_refs").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"event\": \"dns\", \"time\": \"2024-05-01T10:00:00Z\", \"query\": \"evil.example\", \"answers\": [\"198.51.100.1\"]}", "[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '198.51.100.1']")]
    [InlineData("{\"event\": \"http\", \"time\": \"2024-05-01T10:00:00Z\", \"url\": \"http://evil.example/x\", \"host\": \"evil.example\"}", "[url:value = 'http://evil.example/x']")]
    [InlineData("{\"event\": \"file\", \"time\": \"2024-05-01T10:00:00Z\", \"name\": \"a.exe\", \"sha256\": \"aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f\"}", "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("{\"event\": \"process\", \"time\": \"2024-05-01T10:00:00Z\", \"pid\": 4242, \"command_line\": \"powershell -enc AAAA\", \"image\": \"powershell.exe\"}", "[process:command_line MATCHES '-enc ' AND process:image_ref.name = 'powershell.exe']")]
    public void Each_event_kind_is_matched_through_its_mapping(string line, string pattern)
    {
        var engine = Engine(null, Indicator(Id(1), pattern));
        Assert.Single(Run(engine, line));
    }

    [Theory]
    [InlineData("{\"event\": \"dns\", \"query\": \"evil.example\"}", "time")]
    [InlineData("{\"event\": \"smtp\", \"time\": \"2024-05-01T10:00:00Z\"}", "unknown event kind")]
    [InlineData("{\"event\": \"flow\", \"time\": \"2024-05-01T10:00:00Z\"}", "src_ip")]
    [InlineData("{\"event\": \"flow\", \"time\": \"2024-05-01T10:00:00Z\", \"src_ip\": \"10.0.0.1\", \"dst_port\": -1}", "dst_port")]
    public void A_malformed_event_says_what_is_wrong(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TelemetryEvents.Map(Parse(line)).Dispose());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_event_maps_to_the_same_ids()
    {
        const string line = "{\"event\": \"http\", \"time\": \"2024-05-01T10:00:00Z\", \"url\": \"http://evil.example/x\"}";
        using var first = TelemetryEvents.Map(Parse(line));
        using var second = TelemetryEvents.Map(Parse(line));
        Assert.Equal(first.RootElement.GetRawText(), second.RootElement.GetRawText());
    }

    [Fact]
    public void Matches_are_aggregated_into_one_sighting_per_indicator_per_bucket()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var aggregator = new SightingAggregator("identity--11111111-1111-4111-8111-111111111111", TimeSpan.FromHours(1), clock);
        aggregator.Add(Match(Id(1), "observed-data--00000000-0000-4000-8000-000000000001", "2024-05-01T10:10:00Z", "2024-05-01T10:11:00Z"));
        aggregator.Add(Match(Id(1), "observed-data--00000000-0000-4000-8000-000000000002", "2024-05-01T10:05:00Z", "2024-05-01T10:06:00Z"));
        aggregator.Add(Match(Id(1), "observed-data--00000000-0000-4000-8000-000000000003", "2024-05-01T11:05:00Z", "2024-05-01T11:06:00Z"));
        aggregator.Add(Match(Id(2), "observed-data--00000000-0000-4000-8000-000000000001", "2024-05-01T10:10:00Z", "2024-05-01T10:11:00Z"));

        var closed = aggregator.Close(new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, closed.Count);
        Assert.Equal(1, aggregator.OpenCount);
        var sighting = closed.Single(s => s.Json.GetProperty("sighting_of_ref").GetString() == Id(1)).Json;
        Assert.Equal("sighting", sighting.GetProperty("type").GetString());
        Assert.Equal(2, sighting.GetProperty("count").GetInt32());
        Assert.Equal("2024-05-01T10:05:00Z", sighting.GetProperty("first_seen").GetString());
        Assert.Equal("2024-05-01T10:11:00Z", sighting.GetProperty("last_seen").GetString());
        Assert.Equal(2, sighting.GetProperty("observed_data_refs").GetArrayLength());
        Assert.Equal("identity--11111111-1111-4111-8111-111111111111", sighting.GetProperty("where_sighted_refs")[0].GetString());
        Assert.Equal("2024-06-01T00:00:00.000Z", sighting.GetProperty("created").GetString());
        Assert.Single(aggregator.CloseAll());
        Assert.Equal(0, aggregator.OpenCount);
    }

    [Fact]
    public void Sighting_ids_are_the_same_on_a_rerun()
    {
        string Once()
        {
            var aggregator = new SightingAggregator("identity--11111111-1111-4111-8111-111111111111", TimeSpan.FromHours(1));
            aggregator.Add(Match(Id(1), "observed-data--00000000-0000-4000-8000-000000000001", "2024-05-01T10:10:00Z", "2024-05-01T10:11:00Z"));
            return aggregator.CloseAll().Single().Id;
        }

        Assert.Equal(Once(), Once());
    }

    private static DetectionMatch Match(string indicator, string observedData, string first, string last)
    {
        using var document = JsonDocument.Parse("{\"type\": \"ipv4-addr\", \"value\": \"198.51.100.1\"}");
        return new DetectionMatch(indicator, [new MatchBinding("[ipv4-addr:value = '198.51.100.1']", observedData, 0, document.RootElement.Clone())], StixTimestamp.Parse(first), StixTimestamp.Parse(last));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
