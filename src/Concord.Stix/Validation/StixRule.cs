// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>One validation rule, with a stable identifier that tools and tests can rely on.</summary>
/// <param name="Id">The stable rule id, lowercase words joined by hyphens, e.g. <c>required-property</c>.</param>
/// <param name="Severity">Error for MUST-level rules, warning for SHOULD-level ones.</param>
/// <param name="Section">The specification section that states the rule, e.g. <c>2.9</c>.</param>
/// <param name="Summary">What the rule requires, in one sentence.</param>
public sealed record StixRule(string Id, Severity Severity, string Section, string Summary);
