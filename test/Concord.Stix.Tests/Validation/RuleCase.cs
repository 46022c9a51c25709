// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Validation;

namespace Concord.Stix.Tests.Validation;

/// <summary>An object that breaks exactly the named rule at the named path.</summary>
/// <param name="RuleId">The rule the object breaks.</param>
/// <param name="Json">A single STIX object (or a bundle) as JSON.</param>
/// <param name="ExpectedPath">The JSON path the finding must name.</param>
/// <param name="Options">The validator settings the case needs (e.g. a pattern checker), or null for the defaults.</param>
public sealed record RuleCase(string RuleId, string Json, string ExpectedPath, StixValidatorOptions? Options = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{RuleId} at {ExpectedPath}";
}
