// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>Settings of a a STIX validator.</summary>
/// <remarks>Immutable.</remarks>
public sealed record StixValidatorOptions
{
    /// <summary>The default settings: custom content accepted with warnings, patterns not checked.</summary>
    public static StixValidatorOptions Default { get; } = new();

    /// <summary>Checks indicator patterns; when null, each pattern gets a <c>pattern-not-checked</c> warning.</summary>
    public IPatternChecker? PatternChecker { get; init; }

    /// <summary>
    /// When true, deprecated custom properties, objects and extensions (section 11) are errors
    /// rather than warnings. The specification retains them for compatibility, so the default is false.
    /// </summary>
    public bool RejectCustomContent { get; init; }
}
