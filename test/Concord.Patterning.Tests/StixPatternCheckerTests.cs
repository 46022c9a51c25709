// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Validation;

namespace Concord.Patterning.Tests;

/// <summary>The STIX validator's pattern checker hook for <c>pattern_type</c> <c>stix</c>.</summary>
public sealed class StixPatternCheckerTests
{
    private readonly IPatternChecker checker = new StixPatternChecker();

    [Fact]
    public void The_checker_supports_only_the_stix_pattern_type()
    {
        Assert.True(checker.Supports("stix"));
        Assert.False(checker.Supports("snort"));
        Assert.False(checker.Supports("STIX"));
    }

    [Fact]
    public void A_valid_pattern_gives_no_message() =>
        Assert.Null(checker.Check("stix", "[url:value = 'http://x4z9arb.cn/4712/']"));

    [Fact]
    public void An_invalid_pattern_gives_a_positioned_message()
    {
        Assert.Equal("line 1, column 19: " + PatternMessages.Expected(PatternMessages.ExpectedAfterComparison, "end of pattern"), checker.Check("stix", "[url:value = 'x'  "));
        Assert.Equal(
            "line 1, column 2: " + PatternMessages.InvalidObjectType("URL") + "; line 1, column 6: " + PatternMessages.InvalidPropertyName("Value"),
            checker.Check("stix", "[URL:Value = 'x']"));
    }

    [Fact]
    public void Another_pattern_type_is_reported_as_unsupported() =>
        Assert.Contains("not supported", checker.Check("sigma", "title: x"), StringComparison.Ordinal);
}
