// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Concord.Patterning.Internal;

/// <summary>
/// Compiled regular expressions shared by every parse and evaluation in the process: building a
/// linear-time (NonBacktracking) regex costs far more than running it, and the same MATCHES and
/// LIKE constants recur across patterns and evaluations. Each such regex holds hundreds of
/// kilobytes, so the cache keeps only a few hundred; <see cref="Regex"/> instances are thread-safe
/// for matching.
/// </summary>
internal static class RegexCache
{
    private const int Capacity = 128;
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>Gets or compiles an expression (already translated to .NET syntax).</summary>
    /// <exception cref="ArgumentException">The expression does not compile.</exception>
    /// <exception cref="NotSupportedException">The expression needs a construct NonBacktracking cannot run.</exception>
    public static Regex Get(string expression)
    {
        if (Compiled.TryGetValue(expression, out var regex))
        {
            return regex;
        }

        regex = new Regex(expression, RegexTranslator.Options);
        if (Compiled.Count < Capacity)
        {
            Compiled.TryAdd(expression, regex);
        }

        return regex;
    }
}
