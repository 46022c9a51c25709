// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Tests;

/// <summary>Syntax errors are reported with what was expected, what was found and where.</summary>
public sealed class IllegalPatternTests
{
    public static TheoryData<string, string, int> SyntaxErrors() => new()
    {
        { "", PatternMessages.Expected(PatternMessages.ExpectedObservation, "end of pattern"), 0 },
        { "   ", PatternMessages.Expected(PatternMessages.ExpectedObservation, "end of pattern"), 3 },
        { "file:name = 'a'", PatternMessages.Expected(PatternMessages.ExpectedObservation, "'file'"), 0 },
        { "[]", PatternMessages.Expected(PatternMessages.ExpectedComparison, "']'"), 1 },
        { "[file:name = 'a'", PatternMessages.Expected(PatternMessages.ExpectedAfterComparison, "end of pattern"), 16 },
        { "[file:name = 'a']]", PatternMessages.Expected(PatternMessages.ExpectedAfterObservation, "']'"), 17 },
        { "[file:name = 'a'] [file:name = 'b']", PatternMessages.Expected(PatternMessages.ExpectedAfterObservation, "'['"), 18 },
        { "([file:name = 'a']", PatternMessages.Expected(PatternMessages.ExpectedRightParen, "end of pattern"), 18 },
        { "[file name = 'a']", PatternMessages.Expected(PatternMessages.ExpectedColon, "'name'"), 6 },
        { "[file: = 'a']", PatternMessages.Expected(PatternMessages.ExpectedPropertyName, "'='"), 7 },
        { "[file:name 'a']", PatternMessages.Expected(PatternMessages.ExpectedOperator, "string constant 'a'"), 11 },
        { "[file:name == 'a']", PatternMessages.Expected(PatternMessages.ExpectedConstant, "'='"), 12 },
        { "[file:name = ]", PatternMessages.Expected(PatternMessages.ExpectedConstant, "']'"), 13 },
        { "[file:name = 'a' AND]", PatternMessages.Expected(PatternMessages.ExpectedComparison, "']'"), 20 },
        { "[file:name = 'a' XOR file:size = 1]", PatternMessages.Expected(PatternMessages.ExpectedAfterComparison, "'XOR'"), 17 },
        { "[file:size > true]", PatternMessages.Expected(PatternMessages.ExpectedOrderableConstant, "'true'"), 13 },
        { "[file:name LIKE 5]", PatternMessages.Expected(PatternMessages.ExpectedString, "integer 5"), 16 },
        { "[file:name MATCHES h'00']", PatternMessages.Expected(PatternMessages.ExpectedString, "hex constant h'00'"), 19 },
        { "[ipv4-addr:value ISSUBSET t'2020-01-01T00:00:00Z']", PatternMessages.Expected(PatternMessages.ExpectedString, "timestamp constant t'2020-01-01T00:00:00Z'"), 26 },
        { "[file:name IN 'a']", PatternMessages.Expected(PatternMessages.ExpectedSetStart, "string constant 'a'"), 14 },
        { "[file:name IN ()]", PatternMessages.Expected(PatternMessages.ExpectedConstant, "')'"), 15 },
        { "[file:name IN ('a' 'b')]", PatternMessages.Expected(PatternMessages.ExpectedSetContinuation, "string constant 'b'"), 19 },
        { "[file:name NOT EXISTS]", PatternMessages.Expected(PatternMessages.ExpectedOperator, "'EXISTS'"), 15 },
        { "[file:x[a] = 1]", PatternMessages.Expected(PatternMessages.ExpectedIndex, "'a'"), 8 },
        { "[file:x[1 = 1]", PatternMessages.Expected(PatternMessages.ExpectedRightBracket, "'='"), 10 },
        { "[file:name = 'a'] WITHIN SECONDS", PatternMessages.Expected(PatternMessages.ExpectedNumber, "'SECONDS'"), 25 },
        { "[file:name = 'a'] WITHIN 5 MINUTES", PatternMessages.Expected(PatternMessages.ExpectedSeconds, "'MINUTES'"), 27 },
        { "[file:name = 'a'] REPEATS 2.5 TIMES", PatternMessages.Expected(PatternMessages.ExpectedInteger, "number 2.5"), 26 },
        { "[file:name = 'a'] REPEATS 2", PatternMessages.Expected(PatternMessages.ExpectedTimes, "end of pattern"), 27 },
        { "[file:name = 'a'] START '2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'", PatternMessages.Expected(PatternMessages.ExpectedTimestamp, "string constant '2016-01-01T00:00:00Z'"), 24 },
        { "[file:name = 'a'] START t'2016-01-01T00:00:00Z'", PatternMessages.Expected(PatternMessages.ExpectedStop, "end of pattern"), 47 },
        { "[file:name = 'a'] AND", PatternMessages.Expected(PatternMessages.ExpectedObservation, "end of pattern"), 21 },
        { "[file:name = 'a'] FOLLOWEDBY WITHIN 5 SECONDS", PatternMessages.Expected(PatternMessages.ExpectedObservation, "'WITHIN'"), 29 },
        { "[file:name = 'a] ", PatternMessages.UnterminatedString, 13 },
        { "[file:name = 'a\\n']", PatternMessages.InvalidEscape("n"), 15 },
        { "[file:name = 'C:\\Windows']", PatternMessages.InvalidEscape("W"), 16 },
        { "[file:created = t'2016-13-01T00:00:00Z']", PatternMessages.InvalidTimestamp("2016-13-01T00:00:00Z"), 16 },
        { "[file:created = t'2016-01-01 00:00:00']", PatternMessages.InvalidTimestamp("2016-01-01 00:00:00"), 16 },
        { "[file:magic_number_hex = h'abc']", PatternMessages.InvalidHex, 25 },
        { "[file:magic_number_hex = h'zz']", PatternMessages.InvalidHex, 25 },
        { "[file:magic_number_hex = h'FFD8']", PatternMessages.InvalidHex, 25 },
        { "[artifact:payload_bin = b'ABI']", PatternMessages.InvalidBase64, 24 },
        { "[artifact:payload_bin = b'AB*=']", PatternMessages.InvalidBase64, 24 },
        { "[file:size = +5]", PatternMessages.PlusSign, 13 },
        { "[file:size = 007]", PatternMessages.LeadingZeros, 13 },
        { "[file:size = 99999999999999999999]", PatternMessages.IntegerOutOfRange, 13 },
        { "[file:size = 5.]", PatternMessages.MissingFractionDigits, 14 },
        { "[file:size = - 5]", PatternMessages.LoneMinus, 13 },
        { "[file:hashes.SHA-256 = 'a']", PatternMessages.HyphenatedPropertyName("SHA-256"), 13 },
        { "[file:name = 'a'] # comment", PatternMessages.UnexpectedCharacter("'#'"), 18 },
        { "[file:näme = 'a']", PatternMessages.UnexpectedCharacter("'ä'"), 7 },
        { "[file:name = \"a\"]", PatternMessages.UnexpectedCharacter("'\"'"), 13 },
        { "[file:name = 'a' and file:size = 1]", PatternMessages.Expected(PatternMessages.ExpectedAfterComparison, "'and'"), 17 },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void An_illegal_pattern_is_rejected_with_the_expected_message_and_offset(string pattern, string message, int offset)
    {
        Assert.False(StixPattern.TryParse(pattern, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
        var thrown = Assert.Throws<PatternException>(() => StixPattern.Parse(pattern));
        Assert.Equal(error, thrown.Error);
    }

    [Fact]
    public void A_syntax_error_carries_what_was_expected_and_what_was_found()
    {
        Assert.False(StixPattern.TryParse("[file:name = 'a'] WITHIN 5 MINUTES", out _, out var error));
        Assert.Equal("SECONDS", error.Expected);
        Assert.Equal("'MINUTES'", error.Found);
        Assert.Equal(27, error.Offset);
        Assert.Equal(7, error.Length);
    }

    [Fact]
    public void Line_and_column_count_line_feeds_and_carriage_returns()
    {
        const string pattern = "[file:name = 'a']\nAND\r\n  [file:size = ]";
        Assert.False(StixPattern.TryParse(pattern, out _, out var error));
        Assert.Equal(3, error.Line);
        Assert.Equal(16, error.Column);
        Assert.Equal(pattern.IndexOf(']', 20), error.Offset);
        Assert.StartsWith("line 3, column 16: expected a constant", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_pattern_is_rejected_by_try_parse()
    {
        Assert.False(StixPattern.TryParse(null, out _, out var error));
        Assert.Equal(0, error.Offset);
    }
}
