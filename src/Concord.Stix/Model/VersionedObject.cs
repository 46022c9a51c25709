// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>
/// A STIX object that is versioned by its <c>modified</c> timestamp (sections 3.2 and 3.6): SDOs,
/// SROs, language-content and extension-definition.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class VersionedObject : StixObject
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    protected VersionedObject(JsonElement json)
        : base(json)
    {
    }

    /// <summary><c>created_by_ref</c>: the id of the identity that created this object (section 3.2).</summary>
    public string? CreatedByRef => GetString("created_by_ref");

    /// <summary><c>created</c>: the time the first version of this object was created (section 3.2).</summary>
    public StixTimestamp? Created => GetTimestamp("created");

    /// <summary><c>modified</c>: the time this version of the object was modified (section 3.2).</summary>
    public StixTimestamp? Modified => GetTimestamp("modified");

    /// <summary><c>revoked</c>: whether the object has been revoked; absent means false (section 3.2).</summary>
    public bool? Revoked => GetBoolean("revoked");

    /// <summary><c>labels</c>: user- or trust-group-defined terms describing this object (section 3.2).</summary>
    public IReadOnlyList<string> Labels => GetStrings("labels");

    /// <summary><c>confidence</c>: the creator's confidence in the correctness of the data, 0–100 (section 3.2).</summary>
    public long? Confidence => GetInt64("confidence");

    /// <summary><c>lang</c>: the RFC 5646 language of the text content; absent means <c>en</c> (section 3.2).</summary>
    public string? Lang => GetString("lang");

    /// <summary><c>external_references</c>: references to non-STIX information (section 3.2).</summary>
    public IReadOnlyList<ExternalReference> ExternalReferences => GetObjects("external_references", e => new ExternalReference(e));
}
