// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>What happened to one object given to <see cref="IObjectStore.AddObjectsAsync"/>.</summary>
public enum AddOutcome
{
    /// <summary>The version was new and is now stored (durably, once the call returns).</summary>
    Added,

    /// <summary>The collection already held this (id, version); the first copy is kept. TAXII counts this as a success.</summary>
    AlreadyPresent,

    /// <summary>The bytes are not a JSON object with the properties the store indexes; see <see cref="AddObjectResult.Message"/>.</summary>
    Rejected,
}
