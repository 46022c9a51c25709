// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model;
using Concord.Stix.Model.Domain;
using Concord.Stix.Model.Relationships;

namespace Concord.Stix.Tests.Model;

public sealed class StixObjectBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void A_built_sighting_is_a_typed_view_with_the_values_set()
    {
        var sighting = Assert.IsType<Sighting>(new StixObjectBuilder("sighting").WithNewId()
            .SetTimestamp("created", Now).SetTimestamp("modified", Now)
            .Set("sighting_of_ref", "indicator--9299f726-ce06-492e-8472-2b52ccb53191")
            .Set("where_sighted_refs", ["identity--5206ba14-478f-4b0b-9a48-395f690c20a2"])
            .Set("count", 3)
            .Set("summary", false)
            .Build());

        Assert.Equal("sighting", sighting.Type);
        Assert.Equal("2.1", sighting.SpecVersion);
        Assert.Equal(3, sighting.Count);
        Assert.Equal("indicator--9299f726-ce06-492e-8472-2b52ccb53191", sighting.SightingOfRef);
        Assert.Equal(["identity--5206ba14-478f-4b0b-9a48-395f690c20a2"], sighting.WhereSightedRefs);
        Assert.Equal("2026-03-01T12:30:15.123Z", sighting.Created?.Text);
        Assert.Equal(sighting.Created, sighting.Modified);
        Assert.False(sighting.Summary);
    }

    [Fact]
    public void A_new_id_is_the_type_and_a_version_4_UUID()
    {
        var indicator = new StixObjectBuilder("indicator").WithNewId().Build();

        Assert.True(StixIdentifier.TryParse(indicator.Id, out var id));
        Assert.Equal("indicator", id.Type);
        Assert.Equal(4, id.UuidVersion);
        Assert.NotEqual(indicator.Id, new StixObjectBuilder("indicator").WithNewId().Build().Id);
    }

    [Fact]
    public void Starting_from_an_existing_object_keeps_every_property_including_custom_ones()
    {
        var original = new StixObjectBuilder("indicator").WithNewId()
            .SetTimestamp("created", Now).SetTimestamp("modified", Now)
            .Set("pattern", "[url:value = 'http://x.test/']").Set("pattern_type", "stix").SetTimestamp("valid_from", Now)
            .Set("x_acme_score", 0.75)
            .Build();

        var next = Assert.IsType<Indicator>(StixObjectBuilder.From(original)
            .SetTimestamp("modified", Now.AddMinutes(1)).Set("name", "Renamed").Remove("x_acme_score")
            .Build());

        Assert.Equal(original.Id, next.Id);
        Assert.Equal(((Indicator)original).Created, next.Created);
        Assert.True(next.Modified > ((Indicator)original).Modified);
        Assert.Equal("Renamed", next.Name);
        Assert.False(next.TryGetProperty("x_acme_score", out _));
        Assert.True(original.TryGetProperty("x_acme_score", out var score));
        Assert.Equal("0.75", score.GetRawText());
    }

    [Fact]
    public void A_copy_of_an_object_is_an_equal_JSON_value()
    {
        var original = new StixObjectBuilder("x-acme-widget").WithNewId().Set("x_list", ["a", "b"]).Set("x_n", 12345678901L).Build();

        var copy = StixObjectBuilder.From(original).Build();

        Assert.IsType<CustomObject>(copy);
        JsonDeepEquality.AssertEqual(original.Json, copy.Json);
    }

    [Fact]
    public void Building_twice_gives_independent_objects()
    {
        var builder = new StixObjectBuilder("note").Set("content", "first");
        var first = (Note)builder.Build();

        var second = (Note)builder.Set("content", "second").Build();

        Assert.Equal("first", first.Content);
        Assert.Equal("second", second.Content);
    }

    [Fact]
    public void An_embedded_value_can_be_set_from_JSON()
    {
        using var phases = JsonDocument.Parse("""[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}]""");

        var tool = (Tool)new StixObjectBuilder("tool").Set("kill_chain_phases", phases.RootElement).Build();

        Assert.Equal("delivery", Assert.Single(tool.KillChainPhases).PhaseName);
    }

    [Fact]
    public void A_timestamp_keeps_its_written_precision()
    {
        var report = (Report)new StixObjectBuilder("report").SetTimestamp("published", StixTimestamp.Parse("2013-02-19T00:00:00.000000Z")).Build();

        Assert.Equal("2013-02-19T00:00:00.000000Z", report.Published?.Text);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new StixObjectBuilder(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StixObjectBuilder("location").Set("latitude", double.NaN));
        Assert.Throws<ArgumentNullException>(() => new StixObjectBuilder("note").Set("content", (string)null!));
        Assert.Throws<ArgumentException>(() => new StixObjectBuilder("note").Set("", "x"));
    }
}
