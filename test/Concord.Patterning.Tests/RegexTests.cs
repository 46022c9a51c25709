// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Tests;

/// <summary>MATCHES accepts PCRE that runs in linear time and rejects, at validation, what cannot.</summary>
public sealed class RegexTests
{
    public static TheoryData<string, string> Rejected() => new()
    {
        { "(a)\\1", "a backreference \\1" },
        { "(?<n>a)\\k<n>", "a named backreference \\k" },
        { "(a)\\g{1}", "a backreference or subroutine call \\g" },
        { "(?P<n>a)(?P=n)", "a named backreference (?P=…)" },
        { "a(?=b)", "a lookahead (?=…)" },
        { "a(?!b)", "a negative lookahead (?!…)" },
        { "(?<=a)b", "a lookbehind (?<=…)" },
        { "(?<!a)b", "a negative lookbehind (?<!…)" },
        { "(?>a+)b", "an atomic group (?>…)" },
        { "a++b", "a possessive quantifier" },
        { "a*+b", "a possessive quantifier" },
        { "a?+b", "a possessive quantifier" },
        { "a{2,3}+b", "a possessive quantifier" },
        { "(?(1)a|b)", "a conditional (?(…)…)" },
        { "(a|(?R))", "a recursion or subroutine call" },
        { "(a)(?1)", "a recursion or subroutine call" },
        { "(?&name)", "a recursion or subroutine call" },
        { "(?P>name)", "a subroutine call (?P>…)" },
        { "\\Ga", "the anchor \\G" },
        { "a\\Kb", "the match reset \\K" },
        { "(*SKIP)a", "a backtracking control verb (*…)" },
        { "(?C1)a", "a callout (?C…)" },
        { "(?|a|b)", "a branch reset group (?|…)" },
        { "\\R", "the PCRE escape \\R" },
        { "\\h+", "the PCRE escape \\h" },
        { "[[:alpha:]]+", "a POSIX character class" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_regex_construct_that_cannot_run_in_linear_time_is_rejected_with_a_message_naming_it(string regex, string construct)
    {
        var pattern = "[file:name MATCHES " + Quote(regex) + "]";
        Assert.False(StixPattern.TryParse(pattern, out _, out var error));
        Assert.Contains(construct, error.Message, StringComparison.Ordinal);
        Assert.Contains("MATCHES does not support", error.Message, StringComparison.Ordinal);
        Assert.Equal(19, error.Offset);
    }

    [Theory]
    [InlineData("(a")]
    [InlineData("a{2,1}")]
    [InlineData("[z-a]")]
    [InlineData("\\x{zz}")]
    public void A_regex_that_does_not_compile_is_rejected(string regex)
    {
        Assert.False(StixPattern.TryParse("[file:name MATCHES " + Quote(regex) + "]", out _, out var error));
        Assert.StartsWith("invalid regular expression", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^C:\\\\Windows\\w+$")]
    [InlineData(".+\\@example\\.com$")]
    [InlineData("\\xd4\\xc3\\xb2\\xa1")]
    [InlineData("(?i)abc")]
    [InlineData("(?:ab)+?c")]
    [InlineData("(?P<word>\\w+)")]
    [InlineData("\\Q(a+)\\E$")]
    [InlineData("[]a]")]
    [InlineData("[^]a]")]
    [InlineData("a{2}b{1,}c{0,3}")]
    [InlineData("\\x{1F600}")]
    [InlineData("\\p{L}+")]
    [InlineData("a\\+\\+")]
    public void A_linear_time_regex_is_accepted(string regex) =>
        Assert.True(StixPattern.TryParse("[file:name MATCHES " + Quote(regex) + "]", out _, out var error), error?.ToString());

    [Fact]
    public void The_catalogue_lists_the_rejected_constructs()
    {
        Assert.Equal(12, PatternMessages.UnsupportedRegexConstructs.Count);
        Assert.Contains(PatternMessages.UnsupportedRegexConstructs, c => c.StartsWith("backreferences", StringComparison.Ordinal));
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
