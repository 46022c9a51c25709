// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>A STIX Domain Object, SDO (section 4).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class DomainObject : VersionedObject
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    protected DomainObject(JsonElement json)
        : base(json)
    {
    }
}
