// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concord.Patterning.Internal;

/// <summary>
/// Turns a PCRE regular expression into a .NET one that runs with <see cref="RegexOptions.NonBacktracking"/>
/// (linear time), rejecting constructs that cannot run that way or that .NET reads differently
/// (see <see cref="PatternMessages.UnsupportedRegexConstructs"/>).
/// </summary>
internal static class RegexTranslator
{
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.Singleline | RegexOptions.CultureInvariant;

    /// <summary>Translates and compiles; returns null and a message when the expression is rejected.</summary>
    /// <param name="pcre">The PCRE expression.</param>
    /// <param name="error">The reason it is rejected.</param>
    /// <param name="asciiClasses">
    /// Whether <c>\w</c> and <c>\s</c> mean ASCII word and space characters, as in PCRE without its
    /// UNICODE flag, which section 9.6.1 requires for binary properties. (<c>\d</c> needs no change: no
    /// code point up to U+00FF is a non-ASCII digit.)
    /// </param>
    public static CachedRegex? TryCompile(string pcre, out string? error, bool asciiClasses = false)
    {
        var translated = TryTranslate(pcre, asciiClasses, out error);
        if (translated is null)
        {
            return null;
        }

        try
        {
            return RegexCache.Get(translated, verifyLinear: true);
        }
        catch (RegexParseException e)
        {
            error = PatternMessages.InvalidRegex(e.Message);
        }
        catch (NotSupportedException e)
        {
            error = PatternMessages.InvalidRegex(e.Message);
        }
        catch (ArgumentException e)
        {
            error = PatternMessages.InvalidRegex(e.Message);
        }

        return null;
    }

    private static string? TryTranslate(string pcre, bool asciiClasses, out string? error)
    {
        error = null;
        var output = new StringBuilder(pcre.Length);
        var inClass = false;
        var classStart = -1;
        var afterQuantifier = false;
        var i = 0;
        while (i < pcre.Length)
        {
            var c = pcre[i];
            var quantifierHere = false;
            if (c == '\\')
            {
                if (i + 1 >= pcre.Length)
                {
                    output.Append(c);
                    i++;
                    continue;
                }

                var next = pcre[i + 1];
                string? rejected = next switch
                {
                    >= '1' and <= '9' when !inClass => "a backreference \\" + next,
                    'g' => "a backreference or subroutine call \\g",
                    'k' when !inClass => "a named backreference \\k",
                    'G' => "the anchor \\G",
                    'K' => "the match reset \\K",
                    'h' or 'H' or 'v' or 'V' or 'R' or 'N' or 'X' or 'C' => "the PCRE escape \\" + next,
                    'o' when i + 2 < pcre.Length && pcre[i + 2] == '{' => "the octal escape \\o{…}",
                    'Q' or 'E' when inClass => "\\Q…\\E quoting inside a character class",
                    _ => null,
                };
                if (rejected is not null)
                {
                    return Reject(rejected, i, out error);
                }

                if (next == 'Q')
                {
                    var end = pcre.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var quoted = end < 0 ? pcre[(i + 2)..] : pcre[(i + 2)..end];
                    output.Append(Regex.Escape(quoted));
                    i = end < 0 ? pcre.Length : end + 2;
                    afterQuantifier = false;
                    continue;
                }

                if (next == 'E')
                {
                    i += 2;
                    continue;
                }

                if (next == 'x' && i + 2 < pcre.Length && pcre[i + 2] == '{')
                {
                    var close = pcre.IndexOf('}', i + 3);
                    if (close < 0 || !int.TryParse(pcre.AsSpan(i + 3, close - i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                        || codePoint > 0x10FFFF)
                    {
                        return Invalid(PatternMessages.MalformedCodePointEscape(i), out error);
                    }

                    if (codePoint > 0xFFFF)
                    {
                        if (inClass)
                        {
                            return Reject("a code point above U+FFFF inside a character class", i, out error);
                        }

                        output.Append("(?:").Append(Regex.Escape(char.ConvertFromUtf32(codePoint))).Append(')');
                    }
                    else
                    {
                        output.Append("\\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
                    }

                    i = close + 1;
                    afterQuantifier = false;
                    continue;
                }

                output.Append((asciiClasses, inClass, next) switch
                {
                    (true, false, 'w') => "[a-zA-Z0-9_]",
                    (true, false, 'W') => "[^a-zA-Z0-9_]",
                    (true, false, 's') => "[\\t\\n\\x0B\\f\\r ]",
                    (true, false, 'S') => "[^\\t\\n\\x0B\\f\\r ]",
                    (true, true, 'w') => "a-zA-Z0-9_",
                    (true, true, 's') => "\\t\\n\\x0B\\f\\r ",
                    _ => string.Concat(c, next),
                });
                i += 2;
                afterQuantifier = false;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pcre.Length && pcre[i + 1] is ':' or '=' or '.')
                {
                    return Reject("a POSIX character class", i, out error);
                }

                if (c == ']' && i > classStart)
                {
                    inClass = false;
                }

                output.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    output.Append(c);
                    i++;
                    if (i < pcre.Length && pcre[i] == '^')
                    {
                        output.Append('^');
                        i++;
                    }

                    // A ']' right after '[' or '[^' is a literal.
                    classStart = i + 1;
                    afterQuantifier = false;
                    continue;
                case '(':
                    var groupRejection = CheckGroup(pcre, i);
                    if (groupRejection is not null)
                    {
                        return Reject(groupRejection, i, out error);
                    }

                    if (string.CompareOrdinal(pcre, i, "(?P<", 0, 4) == 0)
                    {
                        output.Append("(?<");
                        i += 4;
                        afterQuantifier = false;
                        continue;
                    }

                    break;
                case '*' or '?':
                    quantifierHere = !(c == '?' && afterQuantifier) && !(c == '?' && i > 0 && pcre[i - 1] == '(');
                    break;
                case '+':
                    if (afterQuantifier)
                    {
                        return Reject("a possessive quantifier", i - 1, out error);
                    }

                    quantifierHere = true;
                    break;
                case '{':
                    var closeBrace = pcre.IndexOf('}', i);
                    if (closeBrace > i && IsCountedRepetition(pcre.AsSpan(i + 1, closeBrace - i - 1)))
                    {
                        output.Append(pcre, i, closeBrace - i + 1);
                        i = closeBrace + 1;
                        afterQuantifier = true;
                        if (i < pcre.Length && pcre[i] == '+')
                        {
                            return Reject("a possessive quantifier", i - 1, out error);
                        }

                        continue;
                    }

                    break;
                default:
                    break;
            }

            if (c == '?' && afterQuantifier)
            {
                // Lazy modifier: a following '+' would be a nested quantifier, which .NET reports.
                output.Append(c);
                i++;
                afterQuantifier = false;
                continue;
            }

            output.Append(c);
            i++;
            afterQuantifier = quantifierHere;
        }

        return output.ToString();
    }

    private static string? CheckGroup(string pcre, int i)
    {
        if (i + 1 < pcre.Length && pcre[i + 1] == '*')
        {
            return "a backtracking control verb (*…)";
        }

        if (i + 2 >= pcre.Length || pcre[i + 1] != '?')
        {
            return null;
        }

        var rest = pcre.AsSpan(i + 2);
        return rest switch
        {
            ['=', ..] => "a lookahead (?=…)",
            ['!', ..] => "a negative lookahead (?!…)",
            ['<', '=', ..] => "a lookbehind (?<=…)",
            ['<', '!', ..] => "a negative lookbehind (?<!…)",
            ['>', ..] => "an atomic group (?>…)",
            ['(', ..] => "a conditional (?(…)…)",
            ['|', ..] => "a branch reset group (?|…)",
            ['R', ..] or ['&', ..] or ['+', ..] or ['-', >= '0' and <= '9', ..] or [>= '0' and <= '9', ..] => "a recursion or subroutine call",
            ['P', '=', ..] => "a named backreference (?P=…)",
            ['P', '>', ..] => "a subroutine call (?P>…)",
            ['C', ..] => "a callout (?C…)",
            _ => null,
        };
    }

    private static bool IsCountedRepetition(ReadOnlySpan<char> body)
    {
        var comma = body.IndexOf(',');
        var low = comma < 0 ? body : body[..comma];
        var high = comma < 0 ? [] : body[(comma + 1)..];
        return low.Length > 0 && AllDigits(low) && AllDigits(high);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Reject(string construct, int offset, out string? error)
    {
        error = PatternMessages.UnsupportedRegex(construct, offset);
        return null;
    }

    private static string? Invalid(string detail, out string? error)
    {
        error = PatternMessages.InvalidRegex(detail);
        return null;
    }
}
