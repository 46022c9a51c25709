// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Concord.Patterning.Internal;

/// <summary>
/// Compiled regular expressions shared by every parse and evaluation in the process, one per distinct
/// expression: the same MATCHES and LIKE constants recur across patterns, indicators and evaluations.
/// </summary>
/// <remarks>
/// Entries are <see cref="CachedRegex"/> instances, which run on the regex interpreter (about a
/// kilobyte each, microseconds to build) rather than the linear-time engine (hundreds of kilobytes and
/// milliseconds each), so thousands fit. The cache stops growing at <see cref="Capacity"/> entries; an
/// expression past that is compiled for its caller alone. Thread-safe.
/// </remarks>
internal static class RegexCache
{
    /// <summary>The most entries kept (a few megabytes of interpreted regexes).</summary>
    public const int Capacity = 16_384;

    private static readonly ConcurrentDictionary<string, CachedRegex> Compiled = new(StringComparer.Ordinal);

    /// <summary>Gets or compiles an expression (already translated to .NET syntax).</summary>
    /// <param name="expression">The .NET expression.</param>
    /// <param name="verifyLinear">
    /// Whether the expression must also compile for the linear-time engine, which is what MATCHES
    /// accepts (section 9.6.1 of the STIX patterning spec leaves the dialect to PCRE; Concord accepts
    /// the part of it that runs in linear time). Checked once per cached expression.
    /// </param>
    /// <exception cref="ArgumentException">The expression does not compile.</exception>
    /// <exception cref="NotSupportedException">The expression needs a construct the linear-time engine cannot run.</exception>
    public static CachedRegex Get(string expression, bool verifyLinear)
    {
        var found = Compiled.TryGetValue(expression, out var cached);
        if (found && (cached!.IsLinearVerified || !verifyLinear))
        {
            return cached;
        }

        var regex = new CachedRegex(expression, verifyLinear);
        if (found || Compiled.Count < Capacity)
        {
            Compiled[expression] = regex;
        }

        return regex;
    }
}

/// <summary>
/// A regular expression as LIKE and MATCHES run it: on the interpreter, with the linear-time engine
/// (<see cref="RegexOptions.NonBacktracking"/>) taking over for good once a match on the interpreter
/// exceeds <see cref="InterpreterBudget"/>, as a hostile expression (nested quantifiers, many <c>%</c>)
/// would. Both engines recognize the same language for the constructs <see cref="RegexTranslator"/>
/// lets through (no backreferences, lookaround, atomic groups or conditionals), so the result of
/// <see cref="IsMatch"/> does not depend on which one runs; only the time and memory do.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class CachedRegex
{
    /// <summary>How long one match may take on the interpreter before the linear-time engine takes over.</summary>
    public static readonly TimeSpan InterpreterBudget = TimeSpan.FromMilliseconds(20);

    private const RegexOptions InterpreterOptions = RegexTranslator.Options & ~RegexOptions.NonBacktracking;

    private readonly Regex interpreted;
    private Regex? linear;

    /// <summary>Compiles an expression for the interpreter and, when asked, checks that the linear-time engine accepts it.</summary>
    /// <exception cref="ArgumentException">The expression does not compile.</exception>
    /// <exception cref="NotSupportedException">The linear-time engine cannot run the expression.</exception>
    public CachedRegex(string expression, bool verifyLinear)
    {
        Expression = expression;
        interpreted = new Regex(expression, InterpreterOptions, InterpreterBudget);
        if (verifyLinear)
        {
            // Built only to be checked: kept, it would hold hundreds of kilobytes that most expressions never need.
            _ = new Regex(expression, RegexTranslator.Options);
            IsLinearVerified = true;
        }
    }

    /// <summary>The .NET expression.</summary>
    public string Expression { get; }

    /// <summary>Whether the linear-time engine was checked to accept the expression.</summary>
    public bool IsLinearVerified { get; }

    /// <summary>Whether the linear-time engine has taken over.</summary>
    public bool IsLinear => Volatile.Read(ref linear) is not null;

    /// <summary>Whether the expression matches somewhere in <paramref name="input"/>.</summary>
    public bool IsMatch(string input)
    {
        var engine = Volatile.Read(ref linear);
        if (engine is null)
        {
            try
            {
                return interpreted.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                engine = new Regex(Expression, RegexTranslator.Options);
                Volatile.Write(ref linear, engine);
            }
        }

        return engine.IsMatch(input);
    }
}
