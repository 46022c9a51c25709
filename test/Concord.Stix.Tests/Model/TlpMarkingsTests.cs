// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model.Meta;

namespace Concord.Stix.Tests.Model;

public sealed class TlpMarkingsTests
{
    [Theory]
    [InlineData("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", TlpLevel.Clear, 1)]
    [InlineData("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", TlpLevel.Green, 1)]
    [InlineData("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", TlpLevel.Amber, 1)]
    [InlineData("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", TlpLevel.Red, 1)]
    [InlineData("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", TlpLevel.Clear, 2)]
    [InlineData("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", TlpLevel.Green, 2)]
    [InlineData("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", TlpLevel.Amber, 2)]
    [InlineData("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", TlpLevel.AmberStrict, 2)]
    [InlineData("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", TlpLevel.Red, 2)]
    public void Each_standard_TLP_marking_id_maps_to_its_level_and_version(string id, TlpLevel level, int version)
    {
        Assert.Equal(level, TlpMarkings.LevelOf(id));
        Assert.Equal(version == 1, TlpMarkings.IsTlp1(id));
        Assert.Equal(version == 2, TlpMarkings.IsTlp2(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168")]
    [InlineData("MARKING-DEFINITION--613F2E26-407D-48C7-9ECA-B8E91DF99DC9")]
    public void Any_other_id_has_no_TLP_level(string? id)
    {
        Assert.Null(TlpMarkings.LevelOf(id));
        Assert.False(TlpMarkings.IsTlp1(id));
        Assert.False(TlpMarkings.IsTlp2(id));
    }

    [Fact]
    public void Every_level_has_a_TLP_2_id_that_maps_back_to_it_and_its_published_name()
    {
        foreach (var level in Enum.GetValues<TlpLevel>())
        {
            Assert.Equal(level, TlpMarkings.LevelOf(TlpMarkings.Tlp2IdOf(level)));
            Assert.StartsWith("TLP:", TlpMarkings.Tlp2NameOf(level), StringComparison.Ordinal);
        }

        Assert.Equal("TLP:AMBER+STRICT", TlpMarkings.Tlp2NameOf(TlpLevel.AmberStrict));
    }

    [Fact]
    public void The_most_restrictive_level_wins_and_non_TLP_markings_are_ignored()
    {
        Assert.Equal(TlpLevel.AmberStrict, TlpMarkings.MostRestrictive([TlpMarkings.Tlp1GreenId, "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168", TlpMarkings.AmberStrictId, TlpMarkings.ClearId]));
        Assert.Null(TlpMarkings.MostRestrictive([]));
    }

    [Fact]
    public void Levels_are_ordered_from_least_to_most_restrictive()
    {
        Assert.True(TlpLevel.Clear < TlpLevel.Green && TlpLevel.Green < TlpLevel.Amber && TlpLevel.Amber < TlpLevel.AmberStrict && TlpLevel.AmberStrict < TlpLevel.Red);
    }
}
