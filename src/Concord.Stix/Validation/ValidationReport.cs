// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>The verdict of validating a STIX object or bundle.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ValidationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="findings">Every finding, errors and warnings, in document order.</param>
    public ValidationReport(IReadOnlyList<Finding> findings)
    {
        Findings = findings;
        Errors = [.. findings.Where(f => f.Severity == Severity.Error)];
        Warnings = [.. findings.Where(f => f.Severity == Severity.Warning)];
    }

    /// <summary>The report without findings, shared: most content is valid, and its report then needs no lists of its own.</summary>
    internal static ValidationReport Clean { get; } = new([]);

    /// <summary>Every finding in document order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The findings that make the content invalid.</summary>
    public IReadOnlyList<Finding> Errors { get; }

    /// <summary>The findings that do not.</summary>
    public IReadOnlyList<Finding> Warnings { get; }

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Errors.Count == 0;
}
