// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Tests;

/// <summary>Semantic rules of section 9 are checked after parsing, each error with its position.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, string, int> SemanticErrors() => new()
    {
        { "[File:name = 'a']", PatternMessages.InvalidObjectType("File"), 1 },
        { "[fi:name = 'a']", PatternMessages.InvalidObjectType("fi"), 1 },
        { "[x_custom:name = 'a']", PatternMessages.InvalidObjectType("x_custom"), 1 },
        
        { "[file:Name = 'a']", PatternMessages.InvalidPropertyName("Name"), 6 },
        { "[file:nm = 'a']", PatternMessages.InvalidPropertyName("nm"), 6 },
        { "[file:'size-x' = 1]", PatternMessages.InvalidPropertyName("size-x"), 6 },
        { "[file:hashes.'SHA 256' = 'a']", PatternMessages.InvalidKey("SHA 256"), 13 },
        { "[file:hashes.'' = 'a']", PatternMessages.InvalidKey(string.Empty), 13 },
        { "[file:names[-1] = 'a']", PatternMessages.NegativeIndex, 11 },
        { "[file:size = 9007199254740992]", PatternMessages.IntegerOutOfStixRange, 13 },
        { "[file:size IN (1, -9007199254740992)]", PatternMessages.IntegerOutOfStixRange, 18 },
        { "[file:name = 'a'] WITHIN 0 SECONDS", PatternMessages.WithinNotPositive, 25 },
        { "[file:name = 'a'] WITHIN -5 SECONDS", PatternMessages.WithinNotPositive, 25 },
        { "[file:name = 'a'] WITHIN 0.0 SECONDS", PatternMessages.WithinNotPositive, 25 },
        { "[file:name = 'a'] REPEATS 0 TIMES", PatternMessages.RepeatsNotPositive, 26 },
        { "[file:name = 'a'] REPEATS -2 TIMES", PatternMessages.RepeatsNotPositive, 26 },
        { "[file:name = 'a'] START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", PatternMessages.StartNotBeforeStop, 18 },
        { "[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00.000Z'", PatternMessages.StartNotBeforeStop, 18 },
        { "[file:name = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS", PatternMessages.DuplicateQualifier("WITHIN"), 35 },
        { "[file:name = 'a'] REPEATS 2 TIMES WITHIN 5 SECONDS REPEATS 3 TIMES", PatternMessages.DuplicateQualifier("REPEATS"), 51 },
        { "[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z' START t'2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'", PatternMessages.DuplicateQualifier("START/STOP"), 77 },
        { "[file:name = 'a' AND ipv4-addr:value = '1.2.3.4']", PatternMessages.AndAcrossTypes("file", "ipv4-addr"), 1 },
        { "[(file:name = 'a' OR url:value = 'b') AND ipv4-addr:value = '1.2.3.4']", PatternMessages.AndAcrossTypes("file, url", "ipv4-addr"), 1 },
        { "[file:name IN ('a', 1)]", PatternMessages.SetNotHomogeneous, 20 },
        { "[file:name IN (true, t'2016-01-01T00:00:00Z')]", PatternMessages.SetNotHomogeneous, 21 },
        { "[ipv4-addr:value ISSUBSET '2001:db8::/32']", PatternMessages.InvalidIpOperand("2001:db8::/32", "an IPv4 address or CIDR block"), 26 },
        { "[ipv6-addr:value ISSUPERSET '10.0.0.0/8']", PatternMessages.InvalidIpOperand("10.0.0.0/8", "an IPv6 address or CIDR block"), 28 },
        { "[ipv4-addr:value ISSUBSET '10.0.0.0/33']", PatternMessages.InvalidIpOperand("10.0.0.0/33", "an IPv4 address or CIDR block"), 26 },
        { "[ipv4-addr:value ISSUBSET '10.0.0.256']", PatternMessages.InvalidIpOperand("10.0.0.256", "an IPv4 address or CIDR block"), 26 },
        { "[network-traffic:dst_ref.value ISSUBSET 'example.com']", PatternMessages.InvalidIpOperand("example.com", "an IPv4 or IPv6 address or CIDR block"), 40 },
        { "[ipv4-addr:resolves_to_refs[0] ISSUBSET '10.0.0.0/8']", PatternMessages.IpPathNotValue, 1 },
    };

    [Theory]
    [MemberData(nameof(SemanticErrors))]
    public void A_pattern_that_breaks_a_semantic_rule_is_rejected_with_the_expected_message_and_offset(string pattern, string message, int offset)
    {
        Assert.False(StixPattern.TryParse(pattern, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
        Assert.Null(error.Expected);
    }

    [Fact]
    public void Validate_reports_every_semantic_error_not_just_the_first()
    {
        var errors = StixPattern.Validate("[File:Name = 'a' AND url:value = 'b'] REPEATS 0 TIMES WITHIN 0 SECONDS");
        Assert.Equal(
            [PatternMessages.InvalidObjectType("File"), PatternMessages.InvalidPropertyName("Name"), PatternMessages.AndAcrossTypes("File", "url"), PatternMessages.RepeatsNotPositive, PatternMessages.WithinNotPositive],
            errors.Select(e => e.Message));
        var thrown = Assert.Throws<PatternException>(() => StixPattern.Parse("[File:Name = 'a' AND url:value = 'b'] REPEATS 0 TIMES WITHIN 0 SECONDS"));
        Assert.Equal(5, thrown.Errors.Count);
    }

    [Theory]
    [InlineData("[file:id = 'file--0b6d6b7c-ee5b-4a1b-a9b2-2a6f9ac5e9a1']")]
    [InlineData("[x-usb-device:usbdrive.serial_number = '575833314133343231313937']")]
    [InlineData("[file:extensions.'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'.rank > 5]")]
    [InlineData("[file:hashes.MD5 = 'a' OR url:value = 'b']")]
    [InlineData("[(file:name = 'a' OR url:value = 'b') AND file:size = 4]")]
    [InlineData("([file:name = 'a'] WITHIN 5 SECONDS) WITHIN 6 SECONDS")]
    [InlineData("[file:name = 'a'] REPEATS 2 TIMES WITHIN 5 SECONDS START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00.001Z'")]
    [InlineData("[file:name = 'a'] WITHIN .5 SECONDS")]
    [InlineData("[file:size IN (1, 2.5, -3)]")]
    [InlineData("[ipv6-addr:value ISSUPERSET '2001:db8::/32']")]
    [InlineData("[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']")]
    [InlineData("[file:names[0] = 'a' AND file:names[*] != 'b']")]
    public void A_pattern_that_follows_the_semantic_rules_is_accepted(string pattern) =>
        Assert.True(StixPattern.TryParse(pattern, out _, out var error), error?.ToString());
}
