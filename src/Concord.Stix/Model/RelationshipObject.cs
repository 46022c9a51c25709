// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>A STIX Relationship Object, SRO: a relationship or a sighting (section 5).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class RelationshipObject : VersionedObject
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    protected RelationshipObject(JsonElement json)
        : base(json)
    {
    }
}
