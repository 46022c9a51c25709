// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>One stored version of an object, with its JSON exactly as it was received.</summary>
/// <param name="Id">The object's <c>id</c>.</param>
/// <param name="Type">The object's <c>type</c>.</param>
/// <param name="Version">The version: <c>modified</c>, else <c>created</c>, exactly as written; for an object with neither, its date added.</param>
/// <param name="SpecVersion">The object's <c>spec_version</c> (see <see cref="IObjectStore.AddObjectsAsync"/> for the default).</param>
/// <param name="DateAdded">When this version was added to the collection.</param>
/// <param name="Json">The UTF-8 JSON of the object, byte for byte as given to <see cref="IObjectStore.AddObjectsAsync"/>.</param>
public sealed record StoredObject(string Id, string Type, string Version, string SpecVersion, DateAdded DateAdded, ReadOnlyMemory<byte> Json)
{
    /// <summary>
    /// Whether this is the earliest of the object's versions with its latest spec version: the version
    /// <c>match[version]=first</c> selects under the default <c>match[spec_version]</c> (TAXII 2.1 section 3.4.1), whatever
    /// filters the query that returned it had. False for a version of an older spec version.
    /// </summary>
    public bool IsFirst { get; init; }

    /// <summary>
    /// Whether this is the latest of the object's versions with its latest spec version: the version
    /// <c>match[version]=last</c> selects under the default <c>match[spec_version]</c> (TAXII 2.1 section 3.4.1), whatever
    /// filters the query that returned it had. False for a version of an older spec version.
    /// </summary>
    public bool IsLast { get; init; }
}
