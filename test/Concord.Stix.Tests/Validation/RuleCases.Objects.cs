// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Tests.Validation;

internal static partial class RuleCases
{
    private static IEnumerable<RuleCase> Objects() => [];
}
