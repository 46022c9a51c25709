// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using static Concord.Patterning.Tests.Observations;

namespace Concord.Patterning.Tests;

/// <summary>Comparison expressions (section 9.6) evaluated against one SCO.</summary>
public sealed class ComparisonEvaluationTests
{
    private static readonly JsonObject File = Sco(
        "file",
        ("name", "foo.dll"),
        ("size", 1024),
        ("created", "2014-01-13T07:03:17.000Z"),
        ("is_signed", true),
        ("names", new JsonArray("a", "b", "c")),
        ("hashes", new JsonObject { ["SHA-256"] = "aec0", ["MD5"] = "79054025" }),
        ("magic_number_hex", "FFD8"),
        ("entropy", 7.5),
        ("extensions", new JsonObject { ["windows-pebinary-ext"] = new JsonObject { ["sections"] = new JsonArray(new JsonObject { ["entropy"] = 6.0 }, new JsonObject { ["entropy"] = 7.9 }) } }));

    [Theory]
    [InlineData("[file:name = 'foo.dll']", true)]
    [InlineData("[file:name = 'FOO.DLL']", false)]
    [InlineData("[file:name != 'foo.dll']", false)]
    [InlineData("[file:name != 'bar.dll']", true)]
    [InlineData("[file:name NOT = 'bar.dll']", true)]
    [InlineData("[file:name NOT != 'foo.dll']", true)]
    [InlineData("[file:size = 1024]", true)]
    [InlineData("[file:size = 1024.0]", true)]
    [InlineData("[file:size > 1023.5]", true)]
    [InlineData("[file:size >= 1024]", true)]
    [InlineData("[file:size < 1024]", false)]
    [InlineData("[file:size <= 1024]", true)]
    [InlineData("[file:size NOT < 1024]", true)]
    [InlineData("[file:entropy = 7.5]", true)]
    [InlineData("[file:entropy = 7]", false)]
    [InlineData("[file:entropy > 7]", true)]
    [InlineData("[file:is_signed = true]", true)]
    [InlineData("[file:is_signed = false]", false)]
    [InlineData("[file:is_signed != false]", true)]
    [InlineData("[file:size IN (1, 1024, 2)]", true)]
    [InlineData("[file:size IN (1, 2)]", false)]
    [InlineData("[file:size NOT IN (1, 2)]", true)]
    [InlineData("[file:name IN ('a', 'foo.dll')]", true)]
    [InlineData("[file:hashes.'SHA-256' = 'aec0']", true)]
    [InlineData("[file:hashes.MD5 = '79054025']", true)]
    [InlineData("[file:hashes.'SHA-1' = 'aec0']", false)]
    [InlineData("[file:names[0] = 'a']", true)]
    [InlineData("[file:names[1] = 'a']", false)]
    [InlineData("[file:names[3] = 'a']", false)]
    [InlineData("[file:names[*] = 'c']", true)]
    [InlineData("[file:names[*] = 'd']", false)]
    [InlineData("[file:names[*] != 'a']", true)]
    [InlineData("[file:names[*] NOT = 'a']", false)]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", true)]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[0].entropy > 7.0]", false)]
    [InlineData("[file:created = t'2014-01-13T07:03:17Z']", true)]
    [InlineData("[file:created > t'2014-01-13T07:03:16.999999999Z']", true)]
    [InlineData("[file:created < t'2014-01-13T07:03:17.0000001Z']", true)]
    [InlineData("[file:created = '2014-01-13T07:03:17Z']", false)]
    [InlineData("[file:magic_number_hex = h'ffd8']", true)]
    [InlineData("[file:magic_number_hex = b'/9g=']", true)]
    [InlineData("[file:magic_number_hex > h'ffd7ff']", true)]
    [InlineData("[file:magic_number_hex < h'ffd800']", true)]
    [InlineData("[EXISTS file:hashes]", true)]
    [InlineData("[EXISTS file:hashes.'SHA-1']", false)]
    [InlineData("[EXISTS file:names[2]]", true)]
    [InlineData("[EXISTS file:names[5]]", false)]
    [InlineData("[file:name = 'foo.dll' AND file:size = 1024]", true)]
    [InlineData("[file:name = 'foo.dll' AND file:size = 1]", false)]
    [InlineData("[file:name = 'x' OR file:size = 1024]", true)]
    [InlineData("[file:name = 'x' AND file:size = 1 OR file:size = 1024]", true)]
    [InlineData("[file:name = 'x' AND (file:size = 1 OR file:size = 1024)]", false)]
    [InlineData("[url:value = 'foo.dll']", false)]
    public void A_comparison_evaluates_as_section_9_6_says(string pattern, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, File.DeepClone().AsObject()));

    [Theory]
    [InlineData("[file:size = 'big']", false)]
    [InlineData("[file:size != 'big']", true)]
    [InlineData("[file:size NOT = 'big']", true)]
    [InlineData("[file:size > 'big']", false)]
    [InlineData("[file:name = 5]", false)]
    [InlineData("[file:name != 5]", true)]
    [InlineData("[file:name LIKE '%']", true)]
    [InlineData("[file:size LIKE '%']", false)]
    [InlineData("[file:size MATCHES '.*']", false)]
    [InlineData("[file:is_signed > 0]", false)]
    public void Comparing_incompatible_types_is_false_except_for_not_equal(string pattern, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, File.DeepClone().AsObject()));

    [Theory]
    [InlineData("[file:mime_type = 'x']")]
    [InlineData("[file:mime_type != 'x']")]
    [InlineData("[file:mime_type NOT = 'x']")]
    [InlineData("[file:mime_type NOT IN ('x')]")]
    [InlineData("[file:mime_type NOT LIKE 'x']")]
    [InlineData("[file:mime_type NOT MATCHES 'x']")]
    [InlineData("[file:hashes.'SHA-1' != 'x']")]
    [InlineData("[file:names[7] != 'x']")]
    [InlineData("[file:parent_directory_ref.path != 'x']")]
    public void A_path_that_does_not_resolve_makes_the_comparison_false_whatever_the_operator(string pattern) =>
        Assert.False(MatchesSingle(pattern, File.DeepClone().AsObject()));

    [Theory]
    [InlineData("[x-s:value > 'oz']", "o\u0300", true)]
    [InlineData("[x-s:value < 'z']", "o\u0300", true)]
    [InlineData("[x-s:value > 'z']", "\u00F2", true)]
    [InlineData("[x-s:value < 'o\u0300']", "oz", true)]
    [InlineData("[x-s:value > 'o']", "oz", true)]
    [InlineData("[x-s:value = '\u00F2']", "o\u0300", false)]
    [InlineData("[x-s:value > '\uFFFD']", "\U0001F600", true)]
    [InlineData("[x-s:value < '\uFFFD']", "\U0001F600", false)]
    public void Strings_compare_by_code_point_without_normalization(string pattern, string value, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, Sco("x-s", ("value", value))));

    [Theory]
    [InlineData("[x-s:value LIKE 'C:\\\\Windows\\\\%\\\\foo']", "C:\\Windows\\System32\\foo", true)]
    [InlineData("[x-s:value LIKE 'C:\\\\Windows\\\\%\\\\foo']", "C:\\Windows\\foo\\bar", false)]
    [InlineData("[x-s:value LIKE 'a_c']", "abc", true)]
    [InlineData("[x-s:value LIKE 'a_c']", "a\U0001F600c", true)]
    [InlineData("[x-s:value LIKE 'a_c']", "ac", false)]
    [InlineData("[x-s:value LIKE 'a%']", "a\nb", true)]
    [InlineData("[x-s:value LIKE 'a.c']", "abc", false)]
    [InlineData("[x-s:value LIKE 'abc']", "abc\n", false)]
    [InlineData("[x-s:value LIKE 'caf\u0065\u0301']", "caf\u00E9", true)]
    [InlineData("[x-s:value NOT LIKE 'a%']", "bcd", true)]
    public void Like_uses_sql_wildcards_over_the_whole_value_and_normalizes_the_constant(string pattern, string value, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, Sco("x-s", ("value", value))));

    [Theory]
    [InlineData("[x-s:value MATCHES 'b']", "abc", true)]
    [InlineData("[x-s:value MATCHES '^b']", "abc", false)]
    [InlineData("[x-s:value MATCHES 'a.c']", "a\nc", true)]
    [InlineData("[x-s:value MATCHES '^Final Report.+\\\\.exe$']", "Final Report 2016.exe", true)]
    [InlineData("[x-s:value MATCHES '.+\\\\@example\\\\.com$']", "bob@example.com", true)]
    [InlineData("[x-s:value MATCHES '^caf\u00E9$']", "cafe\u0301", true)]
    [InlineData("[x-s:value NOT MATCHES 'z']", "abc", true)]
    [InlineData("[x-s:value MATCHES '(a|aa)*b']", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", false)]
    public void Matches_searches_with_dotall_on_the_nfc_normalized_value(string pattern, string value, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, Sco("x-s", ("value", value))));

    [Theory]
    [InlineData("[artifact:payload_bin = 'this is a test']", true)]
    [InlineData("[artifact:payload_bin = 'dGhpcyBpcyBhIHRlc3Q=']", false)]
    [InlineData("[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']", true)]
    [InlineData("[artifact:payload_bin = b'dGhpcyBp\ncyBhIHRlc3Q=']", true)]
    [InlineData("[artifact:payload_bin = h'7468697320697320612074657374']", true)]
    [InlineData("[artifact:payload_bin > h'74']", true)]
    [InlineData("[artifact:payload_bin = 'this is a t\u0113st']", false)]
    [InlineData("[artifact:payload_bin != 'this is a t\u0113st']", true)]
    [InlineData("[artifact:payload_bin MATCHES '^this\\\\x20is']", true)]
    [InlineData("[artifact:payload_bin LIKE 'this%']", true)]
    public void Binary_properties_compare_as_octets(string pattern, bool expected) =>
        Assert.Equal(expected, MatchesSingle(pattern, Sco("artifact", ("mime_type", "application/octet-stream"), ("payload_bin", "dGhpcyBpcyBhIHRlc3Q="))));

    [Fact]
    public void Matches_on_binary_data_sees_each_octet_as_one_character() =>
        Assert.True(MatchesSingle(
            "[artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
            Sco("artifact", ("payload_bin", Convert.ToBase64String([0xff, 0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00, 0x01])))));

    [Fact]
    public void Matches_uses_unicode_classes_for_strings_and_ascii_classes_for_binary_data()
    {
        Assert.True(MatchesSingle("[x-s:value MATCHES '^\\\\w\\\\s$']", Sco("x-s", ("value", "\u00E9\u00A0"))));
        var latin1 = Convert.ToBase64String([0xE9, 0xA0]);
        Assert.False(MatchesSingle("[artifact:payload_bin MATCHES '^\\\\w']", Sco("artifact", ("payload_bin", latin1))));
        Assert.False(MatchesSingle("[artifact:payload_bin MATCHES '[\\\\s]$']", Sco("artifact", ("payload_bin", latin1))));
        Assert.True(MatchesSingle("[artifact:payload_bin MATCHES '^\\\\W\\\\S$']", Sco("artifact", ("payload_bin", latin1))));
        Assert.True(MatchesSingle("[artifact:payload_bin MATCHES '^[\\\\w]+ [\\\\s]$']", Sco("artifact", ("payload_bin", Convert.ToBase64String("ab_1 \t"u8.ToArray())))));
    }

    [Theory]
    [InlineData("198.51.100.0/27", "ISSUBSET '198.51.100.0/24'", true)]
    [InlineData("198.51.100.0/24", "ISSUBSET '198.51.100.0/27'", false)]
    [InlineData("198.51.100.0/24", "ISSUPERSET '198.51.100.0/27'", true)]
    [InlineData("198.51.100.7", "ISSUBSET '198.51.100.0/24'", true)]
    [InlineData("198.51.101.7", "ISSUBSET '198.51.100.0/24'", false)]
    [InlineData("198.51.100.7", "ISSUBSET '198.51.100.7'", true)]
    [InlineData("198.51.100.7", "ISSUPERSET '198.51.100.7/32'", true)]
    [InlineData("198.51.100.0/24", "ISSUBSET '198.51.100.0/24'", true)]
    [InlineData("198.51.100.7", "NOT ISSUBSET '10.0.0.0/8'", true)]
    [InlineData("not an address", "ISSUBSET '0.0.0.0/0'", false)]
    public void Ipv4_addresses_and_cidr_blocks_compare_as_sets(string value, string comparison, bool expected) =>
        Assert.Equal(expected, MatchesSingle("[ipv4-addr:value " + comparison + "]", Sco("ipv4-addr", ("value", value))));

    [Theory]
    [InlineData("2001:db8:dead:beef::1", "ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64'", true)]
    [InlineData("2001:db8:dead:bef0::1", "ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64'", false)]
    [InlineData("2001:db8::/32", "ISSUPERSET '2001:db8:1::/48'", true)]
    [InlineData("::1", "ISSUBSET '::/0'", true)]
    public void Ipv6_addresses_and_cidr_blocks_compare_as_sets(string value, string comparison, bool expected) =>
        Assert.Equal(expected, MatchesSingle("[ipv6-addr:value " + comparison + "]", Sco("ipv6-addr", ("value", value))));

    [Fact]
    public void An_ipv6_value_is_never_within_an_ipv4_block() =>
        Assert.False(MatchesSingle("[x-ip:value ISSUBSET '0.0.0.0/0']", Sco("x-ip", ("value", "::ffff:0:1"))));

    [Fact]
    public void Integers_compare_exactly_across_the_whole_stix_integer_range()
    {
        var sco = Sco("x-n", ("count", 9007199254740991L), ("ratio", 1.5));
        Assert.True(MatchesSingle("[x-n:count = 9007199254740991]", sco.DeepClone().AsObject()));
        Assert.False(MatchesSingle("[x-n:count = 9007199254740990]", sco.DeepClone().AsObject()));
        Assert.True(MatchesSingle("[x-n:count > -9007199254740991]", sco.DeepClone().AsObject()));
        Assert.False(MatchesSingle("[x-n:ratio = 1]", sco.DeepClone().AsObject()));
        Assert.True(MatchesSingle("[x-n:ratio > 1]", sco.DeepClone().AsObject()));
    }
}
