// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>
/// The open vocabularies and enumerations of section 10. The core ones used by the common data
/// types are here; those of the domain objects and the cyber-observable objects are in
/// <c>Vocabularies.Domain.cs</c> and <c>Vocabularies.Observables.cs</c>.
/// </summary>
public static partial class Vocabularies
{
    /// <summary>hash-algorithm-ov (section 10.7).</summary>
    public static Vocabulary HashAlgorithm { get; } = new("hash-algorithm-ov", "10.7", "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH");

    /// <summary>extension-type-enum (section 10.5).</summary>
    public static Vocabulary ExtensionType { get; } = new("extension-type-enum", "10.5", "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");
}
