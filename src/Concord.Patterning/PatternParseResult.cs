// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning;

/// <summary>The result of <see cref="StixPattern.Analyze(string)"/>: either a pattern or the errors that prevent one.</summary>
/// <param name="Pattern">The pattern when valid, else null.</param>
/// <param name="Errors">Every error found; empty when valid.</param>
public sealed record PatternParseResult(StixPattern? Pattern, IReadOnlyList<PatternError> Errors)
{
    /// <summary>Whether the text is a valid pattern.</summary>
    public bool IsSuccess => Pattern is not null;

    /// <summary>The pattern, or throws when the text is not valid.</summary>
    /// <exception cref="PatternException">The text is not a valid pattern.</exception>
    public StixPattern GetPatternOrThrow() => Pattern ?? throw new PatternException(Errors);
}
