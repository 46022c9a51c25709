// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>The validator settings the command line uses.</summary>
internal static class ValidatorFactory
{
    public static StixValidatorOptions Options(bool rejectCustomContent) => new()
    {
        RejectCustomContent = rejectCustomContent,
        PatternChecker = new StixPatternChecker(),
    };
}
