// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using static Concord.Detection.Tests.Stix;

namespace Concord.Detection.Tests;

public sealed class WindowTests
{
    private static readonly DetectionOptions Options = new() { Lateness = TimeSpan.FromSeconds(30), MaxWindow = TimeSpan.FromMinutes(10) };

    [Fact]
    public void AND_across_observations_matches_within_the_window()
    {
        var engine = Engine(Options, Indicator(Id(1), "([ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']) WITHIN 60 SECONDS"));
        var a = ObservedDataId();
        var b = ObservedDataId();
        Assert.Empty(Run(engine, Observation(a, "2024-05-01T10:00:00Z", Ip("198.51.100.1"))));
        var match = Assert.Single(Run(engine, Observation(b, "2024-05-01T10:00:30Z", Domain("evil.example"))));
        Assert.Equal([a, b], match.ObservedDataRefs.Order(StringComparer.Ordinal));
        Assert.Equal(0, engine.Statistics.Retained);
    }

    [Fact]
    public void Observations_outside_the_window_do_not_combine_and_expire()
    {
        var engine = Engine(Options, Indicator(Id(1), "([ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']) WITHIN 60 SECONDS"));
        Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Ip("198.51.100.1")));
        Assert.Equal(1, engine.Statistics.Retained);
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:05:00Z", Domain("evil.example"))));
        Assert.Equal(1, engine.Statistics.Retained);
    }

    [Fact]
    public void FOLLOWEDBY_needs_the_order_even_when_observations_arrive_out_of_order()
    {
        var pattern = "([domain-name:value = 'evil.example'] FOLLOWEDBY [url:value = 'http://evil.example/x']) WITHIN 120 SECONDS";
        var engine = Engine(Options, Indicator(Id(1), pattern));

        // The url arrives first but was observed later: within the lateness, it still combines.
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:20Z", Url("http://evil.example/x"))));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Domain("evil.example"))));

        var reversed = Engine(Options, Indicator(Id(1), pattern));
        Run(reversed, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Url("http://evil.example/x")));
        Assert.Empty(Run(reversed, Observation(ObservedDataId(), "2024-05-01T10:00:20Z", Domain("evil.example"))));
    }

    [Fact]
    public void An_observation_later_than_the_lateness_is_counted_late_and_its_partners_may_have_expired()
    {
        var engine = Engine(Options, Indicator(Id(1), "([ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']) WITHIN 60 SECONDS"));
        Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Ip("198.51.100.1")));
        Run(engine, Observation(ObservedDataId(), "2024-05-01T10:10:00Z", Url("http://other.example/")));
        Run(engine, Observation(ObservedDataId(), "2024-05-01T10:20:00Z", Ip("198.51.100.1")));
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:10Z", Domain("evil.example"))));
        Assert.Equal(1, engine.Statistics.Late);
    }

    [Fact]
    public void REPEATS_counts_distinct_observations_and_number_observed()
    {
        var engine = Engine(Options, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1'] REPEATS 3 TIMES WITHIN 60 SECONDS"));
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Ip("198.51.100.1"))));
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:10Z", Ip("198.51.100.1"))));
        Assert.Single(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:20Z", Ip("198.51.100.1"))));

        var counted = Engine(Options, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1'] REPEATS 3 TIMES WITHIN 60 SECONDS"));
        Assert.Single(Run(counted, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z", 3, Ip("198.51.100.1"))));
    }

    [Fact]
    public void Kept_observations_are_bounded_per_indicator()
    {
        var engine = Engine(Options with { MaxRetainedPerIndicator = 4 }, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']"));
        for (var i = 0; i < 10; i++)
        {
            Run(engine, Observation(ObservedDataId(), $"2024-05-01T10:00:{i:D2}Z", Ip("198.51.100.1")));
        }

        Assert.Equal(4, engine.Statistics.Retained);
        Assert.Equal(6, engine.Statistics.Evicted);
    }

    [Fact]
    public void Revising_an_indicator_resets_its_window()
    {
        var engine = Engine(Options, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']"));
        Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:00Z", Ip("198.51.100.1")));
        Apply(engine, Indicator(Id(1), "[ipv4-addr:value = '198.51.100.1'] AND [domain-name:value = 'evil.example']", modified: "2024-02-01T00:00:00.000Z"));
        Assert.Equal(0, engine.Statistics.Retained);
        Assert.Empty(Run(engine, Observation(ObservedDataId(), "2024-05-01T10:00:05Z", Domain("evil.example"))));
    }
}
