// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;

namespace Concord.Patterning;

/// <summary>
/// A parsed and validated STIX 2.1 pattern (section 9). Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var pattern = StixPattern.Parse("[file:hashes.'SHA-256' = 'aec0…'] AND [ipv4-addr:value ISSUBSET '198.51.100.0/24']");
/// var result = pattern.Match(bundle);
/// </code>
/// </example>
public sealed class StixPattern
{
    private StixPattern(string text, PatternExpression root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The pattern text as given.</summary>
    public string Text { get; }

    /// <summary>The root of the abstract syntax tree.</summary>
    public PatternExpression Root { get; }

    /// <summary>Parses and validates a pattern, throwing on the first error.</summary>
    /// <param name="text">The pattern text.</param>
    /// <exception cref="PatternException">The pattern is not valid; the exception lists every error found.</exception>
    public static StixPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = Analyze(text, out var pattern);
        return pattern ?? throw new PatternException(errors);
    }

    /// <summary>Parses and validates a pattern.</summary>
    /// <param name="text">The pattern text.</param>
    /// <param name="pattern">The pattern when valid.</param>
    /// <param name="error">The first error when not valid.</param>
    /// <returns>Whether the pattern is valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StixPattern? pattern, [NotNullWhen(false)] out PatternError? error)
    {
        if (text is null)
        {
            pattern = null;
            error = new PatternError(PatternMessages.Expected(PatternMessages.ExpectedObservation, PatternMessages.EndOfPattern), 0, 0, 1, 1);
            return false;
        }

        var errors = Analyze(text, out pattern);
        error = pattern is null ? errors[0] : null;
        return pattern is not null;
    }

    /// <summary>Parses and validates a pattern, returning the pattern or every error found.</summary>
    /// <param name="text">The pattern text.</param>
    public static PatternParseResult Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = Analyze(text, out var pattern);
        return new PatternParseResult(pattern, errors);
    }

    /// <summary>
    /// Checks a pattern and returns every error: a syntax error stops parsing, so there is at most one
    /// of those, while validation reports all semantic errors.
    /// </summary>
    /// <param name="text">The pattern text.</param>
    /// <returns>The errors, in order of position within each phase; empty when the pattern is valid.</returns>
    public static IReadOnlyList<PatternError> Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(text, out _);
    }

    /// <summary>Creates a pattern from an AST built in code, validating it.</summary>
    /// <param name="root">The root expression.</param>
    /// <exception cref="PatternException">The expression breaks a rule of section 9.</exception>
    public static StixPattern FromExpression(PatternExpression root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Parse(PatternPrinter.Print(root));
    }

    /// <summary>Matches the pattern against observations (see <see cref="PatternEvaluator"/>).</summary>
    /// <param name="observations">A bundle, an array of STIX objects, or a single observed-data object.</param>
    public PatternMatchResult Match(JsonElement observations) => PatternEvaluator.Match(this, observations);

    /// <summary>Matches the pattern against observations (see <see cref="PatternEvaluator"/>).</summary>
    /// <param name="objects">STIX objects: observed-data and the SCOs they reference; bundles and arrays are opened.</param>
    public PatternMatchResult Match(IEnumerable<JsonElement> objects) => PatternEvaluator.Match(this, objects);

    /// <summary>The pattern in canonical syntax (which parses back to an equal AST).</summary>
    public string ToCanonicalString() => PatternPrinter.Print(Root);

    /// <summary>The pattern text as given.</summary>
    public override string ToString() => Text;

    private static IReadOnlyList<PatternError> Analyze(string text, out StixPattern? pattern)
    {
        pattern = null;
        PatternExpression root;
        try
        {
            root = PatternParser.Parse(text);
        }
        catch (PatternSyntaxException e)
        {
            return [e.Error];
        }

        var errors = PatternValidator.Validate(text, root);
        if (errors.Count == 0)
        {
            pattern = new StixPattern(text, root);
        }

        return errors;
    }
}
