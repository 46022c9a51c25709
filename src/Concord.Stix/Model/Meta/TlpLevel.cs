// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Model.Meta;

/// <summary>
/// A Traffic Light Protocol level, ordered from least to most restrictive. TLP 1.0 (section 7.2.1.4)
/// and TLP 2.0 (the OASIS TLP 2.0 extension) markings map onto the same scale.
/// </summary>
public enum TlpLevel
{
    /// <summary>TLP:CLEAR (TLP 2.0), or TLP:WHITE (TLP 1.0), which TLP 2.0 renamed to CLEAR: no limit on disclosure.</summary>
    Clear = 0,

    /// <summary>TLP:GREEN: limited to the community.</summary>
    Green = 1,

    /// <summary>TLP:AMBER: limited to the recipient organization and those it must inform.</summary>
    Amber = 2,

    /// <summary>TLP:AMBER+STRICT (TLP 2.0 only): limited to the recipient organization.</summary>
    AmberStrict = 3,

    /// <summary>TLP:RED: for the named recipients only.</summary>
    Red = 4,
}
