// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>One broken rule at one place.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="ObjectId">The <c>id</c> of the STIX object concerned, when known.</param>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.objects[3].kill_chain_phases[0].phase_name</c>.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record Finding(StixRule Rule, string? ObjectId, string Path, string Message)
{
    /// <summary>The severity of the rule.</summary>
    public Severity Severity => Rule.Severity;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")} [{Rule.Id}] {Path}{(ObjectId is null ? string.Empty : $" ({ObjectId})")}: {Message}";
}
