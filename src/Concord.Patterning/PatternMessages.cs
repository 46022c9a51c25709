// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace Concord.Patterning;

/// <summary>
/// The catalogue of every message the STIX pattern parser and validator produce, so that wording is
/// consistent and tests can refer to it.
/// </summary>
public static class PatternMessages
{
    /// <summary>Generic message for an invalid pattern.</summary>
    public const string InvalidPattern = "the pattern is not valid";

    /// <summary>Describes the end of the pattern text in "found" positions.</summary>
    public const string EndOfPattern = "end of pattern";

    /// <summary>Expected: the start of an observation expression.</summary>
    public const string ExpectedObservation = "'[' or '('";

    /// <summary>Expected: the end of a bracketed observation expression.</summary>
    public const string ExpectedRightBracket = "']'";

    /// <summary>Expected: the end of a parenthesized expression.</summary>
    public const string ExpectedRightParen = "')'";

    /// <summary>Expected: what may follow an observation expression.</summary>
    public const string ExpectedAfterObservation = "AND, OR, FOLLOWEDBY, a qualifier (WITHIN, START, REPEATS) or end of pattern";

    /// <summary>Expected: what may follow a comparison expression.</summary>
    public const string ExpectedAfterComparison = "AND, OR or ']'";

    /// <summary>Expected: the start of a comparison expression.</summary>
    public const string ExpectedComparison = "an object path, EXISTS or '('";

    /// <summary>Expected: an object type at the start of an object path.</summary>
    public const string ExpectedObjectType = "an object type";

    /// <summary>Expected: the colon after the object type.</summary>
    public const string ExpectedColon = "':'";

    /// <summary>Expected: a property name or quoted property name.</summary>
    public const string ExpectedPropertyName = "a property name";

    /// <summary>Expected: a list index.</summary>
    public const string ExpectedIndex = "a list index (an integer or '*')";

    /// <summary>Expected: a comparison operator.</summary>
    public const string ExpectedOperator = "a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)";

    /// <summary>Expected: a constant for = and !=.</summary>
    public const string ExpectedConstant = "a constant";

    /// <summary>Expected: a constant for the ordering operators.</summary>
    public const string ExpectedOrderableConstant = "a string, number, timestamp, hex or binary constant";

    /// <summary>Expected: a string constant (LIKE, MATCHES, ISSUBSET, ISSUPERSET).</summary>
    public const string ExpectedString = "a string constant";

    /// <summary>Expected: the opening parenthesis of an IN list.</summary>
    public const string ExpectedSetStart = "'(' starting the list of constants";

    /// <summary>Expected: a separator or end of an IN list.</summary>
    public const string ExpectedSetContinuation = "',' or ')'";

    /// <summary>Expected: a number after WITHIN.</summary>
    public const string ExpectedNumber = "a number";

    /// <summary>Expected: an integer after REPEATS.</summary>
    public const string ExpectedInteger = "an integer";

    /// <summary>Expected: SECONDS after WITHIN n.</summary>
    public const string ExpectedSeconds = "SECONDS";

    /// <summary>Expected: TIMES after REPEATS n.</summary>
    public const string ExpectedTimes = "TIMES";

    /// <summary>Expected: STOP after START t'…'.</summary>
    public const string ExpectedStop = "STOP";

    /// <summary>Expected: a timestamp constant.</summary>
    public const string ExpectedTimestamp = "a timestamp constant t'…'";

    /// <summary>Message for an unterminated string constant.</summary>
    public const string UnterminatedString = "unterminated string constant: the closing apostrophe is missing";

    /// <summary>Message for a hex constant that is not an even number of hex digits.</summary>
    public const string InvalidHex = "invalid hex constant: it must be an even number of lowercase hexadecimal digits (0-9, a-f)";

    /// <summary>Message for a binary constant that is not base64.</summary>
    public const string InvalidBase64 = "invalid binary constant: it must be base64 (RFC 4648) with correct padding";

    /// <summary>Message for a number written with a plus sign.</summary>
    public const string PlusSign = "a number must be written without a plus sign";

    /// <summary>Message for an integer with leading zeros.</summary>
    public const string LeadingZeros = "a number must not have leading zeros";

    /// <summary>Message for an integer outside the 64-bit range.</summary>
    public const string IntegerOutOfRange = "the integer is outside the range of a 64-bit signed integer";

    /// <summary>Message for an integer constant outside the STIX integer range (section 2.10).</summary>
    public const string IntegerOutOfStixRange = "the integer is outside the STIX integer range -(2^53)+1 to (2^53)-1";

    /// <summary>Message for a float outside the range of a double.</summary>
    public const string FloatOutOfRange = "the floating-point number is outside the range of a 64-bit IEEE 754 number";

    /// <summary>Message for a decimal point not followed by a digit.</summary>
    public const string MissingFractionDigits = "a digit must follow the decimal point";

    /// <summary>Message for a hyphen-minus not followed by a digit.</summary>
    public const string LoneMinus = "'-' must be followed by a digit";

    /// <summary>Message for a list index that is negative.</summary>
    public const string NegativeIndex = "a list index must be 0 or greater (or '*')";

    /// <summary>Message for WITHIN with a non-positive window.</summary>
    public const string WithinNotPositive = "the WITHIN window must be a positive number of seconds";

    /// <summary>Message for REPEATS with a non-positive count.</summary>
    public const string RepeatsNotPositive = "the REPEATS count must be a positive integer";

    /// <summary>Message for START not earlier than STOP.</summary>
    public const string StartNotBeforeStop = "the START timestamp must be earlier than the STOP timestamp";

    /// <summary>Message for an IN list mixing constant types.</summary>
    public const string SetNotHomogeneous = "the constants of an IN list must all be of the same type";

    /// <summary>Message for ISSUBSET/ISSUPERSET on a path that does not end in <c>value</c>.</summary>
    public const string IpPathNotValue = "ISSUBSET and ISSUPERSET apply to the value property of an ipv4-addr or ipv6-addr object; the path must end in 'value'";

    /// <summary>
    /// The regular expression constructs that <c>MATCHES</c> rejects. Matching runs in linear time
    /// (<see cref="System.Text.RegularExpressions.RegexOptions.NonBacktracking"/>), which cannot express these.
    /// </summary>
    public static IReadOnlyList<string> UnsupportedRegexConstructs { get; } =
    [
        "backreferences (\\1 to \\9, \\g{n}, \\g<name>, \\k<name>, \\k'name', \\k{name}, (?P=name))",
        "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…))",
        "atomic groups ((?>…))",
        "possessive quantifiers (*+, ++, ?+, {n,m}+)",
        "conditionals ((?(condition)yes|no))",
        "recursion and subroutine calls ((?R), (?1), (?+1), (?-1), (?&name), (?P>name), \\g<1>)",
        "the match-start anchor \\G and match-reset \\K",
        "backtracking control verbs and option settings ((*VERB), e.g. (*SKIP), (*FAIL), (*UTF))",
        "callouts ((?C…))",
        "branch reset groups ((?|…))",
        "PCRE escapes that .NET does not share (\\h, \\H, \\v, \\V, \\R, \\N, \\X, \\C, \\o{…})",
        "POSIX character classes ([[:alpha:]] and the like)",
    ];

    /// <summary>Message for an unexpected character.</summary>
    /// <param name="c">The character.</param>
    public static string UnexpectedCharacter(string c) => Format("unexpected character {0}", c);

    /// <summary>Message for a syntax error.</summary>
    /// <param name="expected">What was expected.</param>
    /// <param name="found">What was found.</param>
    public static string Expected(string expected, string found) => Format("expected {0}, found {1}", expected, found);

    /// <summary>Message for an invalid escape sequence in a string constant.</summary>
    /// <param name="c">The character after the backslash.</param>
    public static string InvalidEscape(string c) =>
        Format("invalid escape sequence \\{0} in a string constant: only \\' and \\\\ may be escaped", c);

    /// <summary>Message for an invalid timestamp constant.</summary>
    /// <param name="text">The text inside <c>t'…'</c>.</param>
    public static string InvalidTimestamp(string text) =>
        Format("'{0}' is not a valid STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z, UTC)", text);

    /// <summary>Message for a property name with a hyphen-minus that is not quoted.</summary>
    /// <param name="name">The name.</param>
    public static string HyphenatedPropertyName(string name) =>
        Format("the property name {0} contains '-' and must be quoted: '{0}'", name);

    /// <summary>Message for an invalid object type name.</summary>
    /// <param name="name">The name.</param>
    public static string InvalidObjectType(string name) =>
        Format("'{0}' is not a valid object type: it must be 3 to 250 characters a-z, 0-9 and '-', starting with a letter (section 3.1)", name);

    /// <summary>Message for an invalid property name.</summary>
    /// <param name="name">The name.</param>
    public static string InvalidPropertyName(string name) =>
        Format("'{0}' is not a valid property name: it must be 3 to 250 characters a-z, 0-9 and '_', starting with a letter (section 3.1)", name);

    /// <summary>Message for an invalid nested property name or dictionary key.</summary>
    /// <param name="name">The name.</param>
    public static string InvalidKey(string name) =>
        Format("'{0}' is not a valid property name or dictionary key: it must be 1 to 250 ASCII characters a-z, A-Z, 0-9, '_', '-' or '.'", name);

    /// <summary>Message for a qualifier kind given twice on one expression.</summary>
    /// <param name="qualifier">The qualifier keyword.</param>
    public static string DuplicateQualifier(string qualifier) =>
        Format("an observation expression must not have more than one {0} qualifier", qualifier);

    /// <summary>Message for AND between comparisons that cannot apply to the same object type.</summary>
    /// <param name="left">The object types on the left.</param>
    /// <param name="right">The object types on the right.</param>
    public static string AndAcrossTypes(string left, string right) =>
        Format("AND inside an observation expression joins comparisons on different object types ({0} and {1}); they can never match the same object, so use OR or separate observation expressions", left, right);

    /// <summary>Message for an invalid ISSUBSET/ISSUPERSET operand.</summary>
    /// <param name="value">The operand.</param>
    /// <param name="kind">What it must be.</param>
    public static string InvalidIpOperand(string value, string kind) =>
        Format("'{0}' is not {1}", value, kind);

    /// <summary>Message for a regular expression construct that cannot run in linear time.</summary>
    /// <param name="construct">The construct.</param>
    /// <param name="offset">Its 0-based offset in the regular expression.</param>
    public static string UnsupportedRegex(string construct, int offset) =>
        Format("the regular expression uses {0} at offset {1}, which MATCHES does not support: matching runs in linear time, without backreferences, lookaround, atomic groups, possessive quantifiers, conditionals, recursion, \\G, \\K or backtracking verbs", construct, offset);

    /// <summary>Detail for a malformed <c>\x{…}</c> escape in a regular expression.</summary>
    /// <param name="offset">Its 0-based offset in the regular expression.</param>
    public static string MalformedCodePointEscape(int offset) => Format("malformed \\x{{…}} escape at offset {0}", offset);

    /// <summary>Message of <see cref="StixPatternChecker"/> for a pattern type other than <c>stix</c>.</summary>
    /// <param name="patternType">The pattern type.</param>
    public static string UnsupportedPatternType(string patternType) =>
        Format("pattern type '{0}' is not supported by the STIX pattern checker", patternType);

    /// <summary>Message for a regular expression that does not compile.</summary>
    /// <param name="detail">The reason.</param>
    public static string InvalidRegex(string detail) => Format("invalid regular expression: {0}", detail);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
