// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using static Concord.Detection.Tests.Stix;

namespace Concord.Detection.Tests;

public sealed class EngineTests
{
    [Fact]
    public void An_observation_meets_only_the_indicators_an_index_selects()
    {
        var engine = Engine(null, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1']"), Indicator(Id(2), "[domain-name:value = 'evil.example']"),
            Indicator(Id(3), "[ipv4-addr:value ISSUBSET '203.0.113.0/24']"), Indicator(Id(4), "[url:value LIKE 'http://bad.example/%']"));
        var matches = Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Ip("192.0.2.1")), Observation(ObservedDataId(), "2024-05-01T10:00:01Z", Url("http://good.example/")));
        Assert.Empty(matches);
        Assert.Equal(0, engine.Statistics.Candidates);
        Assert.Equal(2, engine.Statistics.Observations);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.1']", true)]
    [InlineData("[ipv4-addr:value IN ('192.0.2.9', '198.51.100.1')]", true)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.101.0/24']", false)]
    [InlineData("[ipv4-addr:value LIKE '198.51.%']", true)]
    [InlineData("[ipv4-addr:value MATCHES '^198\\\\.51\\\\.100\\\\.[0-9]+$']", true)]
    [InlineData("[ipv4-addr:value NOT = '198.51.100.1']", false)]
    [InlineData("[ipv4-addr:value != '10.0.0.1']", true)]
    [InlineData("[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '198.51.100.1']", true)]
    [InlineData("[domain-name:resolves_to_refs[*].value ISSUBSET '198.51.100.0/24']", true)]
    [InlineData("[EXISTS domain-name:resolves_to_refs]", true)]
    public void Each_operator_kind_matches_as_the_reference_evaluator_does(string pattern, bool expected)
    {
        var engine = Engine(null, Indicator(Id(1), pattern));
        var line = "{\"type\": \"bundle\", \"id\": \"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\", \"objects\": [" +
            "{\"type\": \"observed-data\", \"spec_version\": \"2.1\", \"id\": \"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf\", \"created\": \"2024-05-01T10:00:00Z\", \"modified\": \"2024-05-01T10:00:00Z\", \"first_observed\": \"2024-05-01T10:00:00Z\", \"last_observed\": \"2024-05-01T10:00:00Z\", \"number_observed\": 1, \"object_refs\": [\"domain-name--1a1d9d2c-5f3e-5a3b-9b4e-2b0a7f6e8c11\", \"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\"]}, " +
            "{\"type\": \"domain-name\", \"id\": \"domain-name--1a1d9d2c-5f3e-5a3b-9b4e-2b0a7f6e8c11\", \"value\": \"evil.example\", \"resolves_to_refs\": [\"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\"]}, " +
            "{\"type\": \"ipv4-addr\", \"id\": \"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\", \"value\": \"198.51.100.1\"}]}";
        using var document = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal(Patterning.StixPattern.Parse(pattern).Match(document.RootElement).IsMatch, expected);
        Assert.Equal(expected, Run(engine, line).Count == 1);
    }

    [Fact]
    public void A_match_carries_the_binding_and_the_observation_times()
    {
        var engine = Engine(null, Indicator(Id(1), "[domain-name:value = 'evil.example']"));
        var od = ObservedDataId();
        var match = Assert.Single(Run(engine, Observation(od, "2024-05-01T10:00:00Z", "2024-05-01T10:05:00Z", 1, Domain("evil.example"))));
        Assert.Equal(Id(1), match.IndicatorId);
        Assert.Equal("2024-05-01T10:00:00Z", match.FirstSeen.Text);
        Assert.Equal("2024-05-01T10:05:00Z", match.LastSeen.Text);
        var binding = Assert.Single(match.Bindings);
        Assert.Equal(od, binding.ObservedDataId);
        Assert.Equal("[domain-name:value = 'evil.example']", binding.Expression);
        Assert.Equal("evil.example", binding.MatchedObject.GetProperty("value").GetString());
    }

    [Fact]
    public void An_indicator_applies_only_to_observations_within_its_validity()
    {
        var engine = Engine(null, Indicator(Id(1), "[domain-name:value = 'evil.example']", validUntil: "2024-05-01T12:00:00Z"));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T11:59:59Z", Domain("evil.example"))));
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T12:00:00Z", Domain("evil.example"))));
    }

    [Fact]
    public void Indicators_in_the_stream_take_effect_from_the_next_observation()
    {
        var engine = Engine(null);
        var observation = Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Domain("evil.example"));
        Assert.Empty(Run(engine, observation));
        var updates = new List<IndicatorUpdate>();
        var matches = new List<DetectionMatch>();
        engine.ProcessLine(System.Text.Encoding.UTF8.GetBytes(Indicator(Id(1), "[domain-name:value = 'evil.example']")), matches, updates);
        Assert.Equal(IndicatorUpdateKind.Added, Assert.Single(updates).Kind);
        Assert.Single(Run(engine, observation));
    }

    [Fact]
    public void The_newest_version_wins_and_a_revoked_indicator_stops()
    {
        var engine = Engine(null, Indicator(Id(1), "[domain-name:value = 'old.example']"));
        Assert.Equal(IndicatorUpdateKind.Revised, Apply(engine, Indicator(Id(1), "[domain-name:value = 'new.example']", modified: "2024-02-01T00:00:00.000Z")).Kind);
        Assert.Equal(IndicatorUpdateKind.Stale, Apply(engine, Indicator(Id(1), "[domain-name:value = 'older.example']", modified: "2024-01-15T00:00:00.000Z")).Kind);
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Domain("old.example"))));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:01Z", Domain("new.example"))));

        Assert.Equal(IndicatorUpdateKind.Revoked, Apply(engine, Indicator(Id(1), "[domain-name:value = 'new.example']", modified: "2024-03-01T00:00:00.000Z", revoked: true)).Kind);
        Assert.Equal(0, engine.IndicatorCount);
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:02Z", Domain("new.example"))));
        Assert.Equal(IndicatorUpdateKind.Stale, Apply(engine, Indicator(Id(1), "[domain-name:value = 'new.example']", modified: "2024-02-15T00:00:00.000Z")).Kind);
    }

    /// <summary>The literal search built ahead by Prepare, after adds, revisions and a revocation, is the one first use builds.</summary>
    [Fact]
    public void A_prepared_literal_search_follows_every_change_of_the_indicators()
    {
        var engine = Engine(null, Indicator(Id(1), "[domain-name:value LIKE 'evil.%']"), Indicator(Id(2), "[url:value MATCHES 'bad\\\\.example/x']"));
        engine.Prepare();
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Domain("evil.example"))));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:01Z", Url("http://bad.example/x"))));

        Apply(engine, Indicator(Id(1), "[domain-name:value LIKE 'worse.%']", modified: "2024-02-01T00:00:00.000Z"));
        Apply(engine, Indicator(Id(2), "[url:value MATCHES 'bad\\\\.example/x']", modified: "2024-02-01T00:00:00.000Z", revoked: true));
        engine.Prepare();
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:02Z", Domain("evil.example"))));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:03Z", Domain("worse.example"))));
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:04Z", Url("http://bad.example/x"))));
    }

    [Theory]
    [InlineData("{\"type\": \"indicator\", \"id\": \"indicator--00000000-0000-4000-8000-000000000009\", \"modified\": \"2024-01-01T00:00:00Z\", \"pattern\": \"alert tcp any\", \"pattern_type\": \"snort\"}", "pattern_type is not stix")]
    [InlineData("{\"type\": \"indicator\", \"id\": \"indicator--00000000-0000-4000-8000-000000000009\", \"modified\": \"2024-01-01T00:00:00Z\", \"pattern\": \"[ipv4-addr:value = \", \"pattern_type\": \"stix\"}", "invalid pattern")]
    [InlineData("{\"type\": \"malware\", \"id\": \"malware--00000000-0000-4000-8000-000000000009\"}", "not an indicator")]
    public void Unusable_indicators_are_rejected_with_a_reason(string json, string reason)
    {
        var engine = new DetectionEngine();
        var update = Apply(engine, json);
        Assert.Equal(IndicatorUpdateKind.Rejected, update.Kind);
        Assert.Contains(reason, update.Reason, StringComparison.Ordinal);
    }
}
