// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>A MUST or MUST NOT of the specification is broken: the content is invalid.</summary>
    Error,

    /// <summary>A SHOULD, SHOULD NOT or deprecation of the specification is not followed: the content is valid.</summary>
    Warning,
}
