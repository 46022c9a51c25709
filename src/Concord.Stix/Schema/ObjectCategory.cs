// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>The kinds of STIX object (section 1.2 and the common-property table of section 3.2).</summary>
[Flags]
public enum ObjectCategory
{
    /// <summary>No category.</summary>
    None = 0,

    /// <summary>STIX Domain Object (section 4).</summary>
    Domain = 1,

    /// <summary>STIX Relationship Object (section 5).</summary>
    Relationship = 2,

    /// <summary>STIX Cyber-observable Object (section 6).</summary>
    Observable = 4,

    /// <summary>STIX Meta Object: language-content, marking-definition, extension-definition (section 7).</summary>
    Meta = 8,

    /// <summary>The bundle (section 8).</summary>
    Bundle = 16,

    /// <summary>A JSON object embedded in a property (kill-chain-phase, external-reference, extension bodies, …).</summary>
    Embedded = 32,

    /// <summary>Any top-level object.</summary>
    Any = Domain | Relationship | Observable | Meta,
}
