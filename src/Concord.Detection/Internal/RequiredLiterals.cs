// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Detection.Internal;

/// <summary>
/// Finds a literal that every string matching a LIKE pattern or a MATCHES regular expression must
/// contain, for the multi-string prefilter. Conservative: when in doubt it ends the literal or gives
/// up, so a string without the literal can never match.
/// </summary>
internal static class RequiredLiterals
{
    /// <summary>Literals shorter than this select too little to be worth indexing.</summary>
    public const int MinimumLength = 3;

    /// <summary>
    /// The longest run of characters between wildcards of a LIKE pattern, which is already NFC-normalized
    /// (the evaluator normalizes the constant, not the subject).
    /// </summary>
    public static string? ForLike(string normalized)
    {
        string? best = null;
        var run = new StringBuilder();
        foreach (var c in normalized)
        {
            if (c is '%' or '_')
            {
                best = Longer(best, run);
                run.Clear();
            }
            else
            {
                run.Append(c);
            }
        }

        best = Longer(best, run);
        return best is { Length: >= MinimumLength } ? best : null;
    }

    /// <summary>
    /// The longest literal that a PCRE expression requires, or null. Alternation, inline options and
    /// anything the scanner does not fully understand make it give up.
    /// </summary>
    public static string? ForRegex(string pcre)
    {
        if (pcre.Contains('|', StringComparison.Ordinal) || pcre.Contains("(?", StringComparison.Ordinal)
            || pcre.Contains("\\Q", StringComparison.Ordinal) || pcre.Contains("\\E", StringComparison.Ordinal))
        {
            return null;
        }

        string? best = null;
        var run = new StringBuilder();
        var i = 0;
        while (i < pcre.Length)
        {
            var c = pcre[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < pcre.Length && !char.IsAsciiLetterOrDigit(pcre[i + 1]) && pcre[i + 1] < 128)
                    {
                        run.Append(pcre[i + 1]);
                        i += 2;
                    }
                    else
                    {
                        // \d, \w, \x41, \n … : not a literal here.
                        best = Longer(best, run);
                        run.Clear();
                        i += 2;
                        SkipQuantifier(pcre, ref i);
                    }

                    continue;
                case '[':
                    best = Longer(best, run);
                    run.Clear();
                    if (!SkipClass(pcre, ref i))
                    {
                        return best is { Length: >= MinimumLength } ? best : null;
                    }

                    SkipQuantifier(pcre, ref i);
                    continue;
                case '(':
                    best = Longer(best, run);
                    run.Clear();
                    if (!SkipGroup(pcre, ref i))
                    {
                        return best is { Length: >= MinimumLength } ? best : null;
                    }

                    SkipQuantifier(pcre, ref i);
                    continue;
                case '?' or '*' or '{':
                    // The preceding character is optional or repeated a variable number of times.
                    if (run.Length > 0)
                    {
                        run.Length--;
                    }

                    best = Longer(best, run);
                    run.Clear();
                    SkipQuantifier(pcre, ref i);
                    continue;
                case '+':
                    best = Longer(best, run);
                    run.Clear();
                    SkipQuantifier(pcre, ref i);
                    continue;
                case '.' or '^' or '$' or ')' or ']' or '}':
                    best = Longer(best, run);
                    run.Clear();
                    i++;
                    SkipQuantifier(pcre, ref i);
                    continue;
                default:
                    if (char.IsSurrogate(c))
                    {
                        best = Longer(best, run);
                        run.Clear();
                        i++;
                        continue;
                    }

                    run.Append(c);
                    i++;
                    continue;
            }
        }

        best = Longer(best, run);
        return best is { Length: >= MinimumLength } ? best : null;
    }

    private static string? Longer(string? best, StringBuilder run) =>
        run.Length > (best?.Length ?? 0) ? run.ToString() : best;

    /// <summary>Skips a quantifier (and its lazy or possessive suffix) that follows an atom already ended.</summary>
    private static void SkipQuantifier(string pcre, ref int i)
    {
        while (i < pcre.Length)
        {
            switch (pcre[i])
            {
                case '?' or '*' or '+':
                    i++;
                    break;
                case '{':
                    var close = pcre.IndexOf('}', i);
                    i = close < 0 ? pcre.Length : close + 1;
                    break;
                default:
                    return;
            }
        }
    }

    private static bool SkipClass(string pcre, ref int i)
    {
        i++;
        if (i < pcre.Length && pcre[i] == '^')
        {
            i++;
        }

        if (i < pcre.Length && pcre[i] == ']')
        {
            i++;
        }

        while (i < pcre.Length)
        {
            if (pcre[i] == '\\')
            {
                i += 2;
            }
            else if (pcre[i] == ']')
            {
                i++;
                return true;
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    private static bool SkipGroup(string pcre, ref int i)
    {
        var depth = 0;
        while (i < pcre.Length)
        {
            switch (pcre[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '[':
                    if (!SkipClass(pcre, ref i))
                    {
                        return false;
                    }

                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        i++;
                        return true;
                    }

                    break;
                default:
                    break;
            }

            i++;
        }

        return false;
    }
}
