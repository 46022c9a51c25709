// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>
/// Checks the pattern of an indicator in a given pattern language. The STIX core cannot parse
/// patterns itself (the patterning library depends on it), so a checker is supplied by the caller.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IPatternChecker
{
    /// <summary>Whether this checker understands the pattern language.</summary>
    /// <param name="patternType">The indicator's <c>pattern_type</c>, e.g. <c>stix</c>.</param>
    bool Supports(string patternType);

    /// <summary>Checks a pattern.</summary>
    /// <param name="patternType">The indicator's <c>pattern_type</c>.</param>
    /// <param name="pattern">The pattern text.</param>
    /// <returns>Null when the pattern is valid, else a message that says where and what is wrong.</returns>
    string? Check(string patternType, string pattern);
}
