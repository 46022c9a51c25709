// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Validation;

namespace Concord.Patterning;

/// <summary>
/// The <see cref="IPatternChecker"/> for STIX patterns (<c>pattern_type</c> <c>stix</c>), for the STIX
/// validator to check indicator patterns. Thread-safe.
/// </summary>
public sealed class StixPatternChecker : IPatternChecker
{
    /// <summary>The pattern type this checker understands.</summary>
    public const string PatternType = "stix";

    /// <inheritdoc />
    public bool Supports(string patternType) => string.Equals(patternType, PatternType, StringComparison.Ordinal);

    /// <inheritdoc />
    public string? Check(string patternType, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!Supports(patternType))
        {
            return PatternMessages.UnsupportedPatternType(patternType);
        }

        var errors = StixPattern.Validate(pattern);
        return errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.ToString()));
    }
}
