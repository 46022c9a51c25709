// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Objects;

namespace Concord.Storage.Conformance;

/// <summary>The engine-independent contract types. Engines run these too, by deriving.</summary>
public abstract class ContractTypesConformance
{
    [Fact]
    public void A_json_page_joins_its_objects_with_commas_past_its_first_buffer_and_keeps_its_bounds()
    {
        var objects = Enumerable.Range(0, 500).Select(n => "{\"n\":" + n + ",\"pad\":\"" + new string('x', 200) + "\"}").ToArray();
        using var page = new ObjectJsonPage();

        for (var n = 0; n < objects.Length; n++)
        {
            page.Add(new DateAdded(1_000 + n), System.Text.Encoding.UTF8.GetBytes(objects[n]));
        }

        page.More = true;
        Assert.Equal(string.Join(',', objects), System.Text.Encoding.UTF8.GetString(page.Objects.Span));
        Assert.Equal(500, page.Count);
        Assert.Equal(new DateAdded(1_000), page.DateAddedFirst);
        Assert.Equal(new DateAdded(1_499), page.DateAddedLast);
        Assert.Equal(new PageToken(new DateAdded(1_499)), page.Next);
    }

    [Fact]
    public void A_range_of_rows_is_their_json_joined_by_commas_and_a_single_row_its_own_json()
    {
        var objects = Enumerable.Range(0, 300).Select(n => "{\"id\":\"x--" + n + "\",\"pad\":\"" + new string('y', n % 37) + "\"}").ToArray();
        using var page = new ObjectJsonPage(16);
        for (var n = 0; n < objects.Length; n++)
        {
            var id = System.Text.Encoding.UTF8.GetBytes("x--" + n);
            page.AddRow(new DateAdded(1_000 + n), System.Text.Encoding.UTF8.GetBytes(objects[n]), id, "x"u8, "v"u8, isFirst: true, isLast: true);
        }

        var rows = page.Rows;
        foreach (var (first, last) in new[] { (0, 299), (0, 0), (17, 17), (17, 18), (100, 250), (299, 299) })
        {
            var expected = string.Join(',', objects[first..(last + 1)]);
            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(page.JsonRange(rows[first], rows[last]).Span));
        }
    }

    [Fact]
    public void An_empty_json_page_has_no_bounds_and_no_next()
    {
        using var page = new ObjectJsonPage { More = false };

        Assert.True(page.Objects.IsEmpty);
        Assert.Null(page.DateAddedFirst);
        Assert.Null(page.Next);
    }

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
