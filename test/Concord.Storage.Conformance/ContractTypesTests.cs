// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>The engine-independent contract types. Engines run these too, by deriving.</summary>
public abstract class ContractTypesConformance
{
    [Theory]
    [InlineData("last", false, false, true, 0)]
    [InlineData("first", false, true, false, 0)]
    [InlineData("all", true, false, false, 0)]
    [InlineData("first,2018-03-02T01:01:01.123Z,last", false, true, true, 1)]
    [InlineData("2016-03-23T01:01:01.000Z,2018-03-02T01:01:01.123Z", false, false, false, 2)]
    public void Valid_version_filters_parse(string text, bool all, bool first, bool last, int versions)
    {
        Assert.True(VersionFilter.TryParse(text, out var filter, out var error));
        Assert.Null(error);
        Assert.Equal((all, first, last, versions), (filter.All, filter.First, filter.Last, filter.Versions.Count));
    }

    [Theory]
    [InlineData("", "match[version] is empty.")]
    [InlineData("all,last", "match[version]=all must not be combined with other values.")]
    [InlineData("last,last", "match[version] must not repeat a value.")]
    [InlineData("2016-03-23T01:01:01Z,2016-03-23T01:01:01.000Z", "match[version] must not repeat a value.")]
    [InlineData("latest", "match[version] values are 'all', 'first', 'last' or STIX timestamps, separated by commas without spaces.")]
    [InlineData("first, last", "match[version] values are 'all', 'first', 'last' or STIX timestamps, separated by commas without spaces.")]
    public void Malformed_version_filters_are_refused_with_a_reason(string text, string message)
    {
        Assert.False(VersionFilter.TryParse(text, out var filter, out var error));
        Assert.Null(filter);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Page_tokens_round_trip_and_reject_anything_else()
    {
        var token = new PageToken(new DateAdded(1_714_564_800_123_456));

        Assert.True(PageToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
        Assert.Equal(11, token.ToString().Length);
        foreach (var bad in new[] { null, string.Empty, "abc", "AAAAAAAAAAAA", "AAAAAAAAAA=", "/AAAAAAAAAA", "_________8_" })
        {
            Assert.False(PageToken.TryParse(bad, out _), bad);
        }
    }

    [Fact]
    public void Date_added_formats_with_microseconds_and_floors_finer_timestamps()
    {
        var value = DateAdded.FloorOf(StixTimestamp.Parse("2024-05-01T12:00:00.1234569Z"));

        Assert.Equal("2024-05-01T12:00:00.123456Z", value.ToString());
        Assert.Equal(value, DateAdded.FloorOf(value.ToStixTimestamp()));
        Assert.Equal("2024-05-01T12:00:00.000000Z", DateAdded.FloorOf(StixTimestamp.Parse("2024-05-01T12:00:00Z")).ToString());
        Assert.Equal("2024-05-01T12:00:00.500000Z", DateAdded.FloorOf(StixTimestamp.Parse("2024-05-01T12:00:00.5Z")).ToString());
    }
}
