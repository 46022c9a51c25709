// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>Collects findings in document order.</summary>
internal sealed class ValidationSink
{
    private readonly List<Finding> findings = [];

    public IReadOnlyList<Finding> Findings => findings;

    public void Add(Finding finding) => findings.Add(finding);
}
