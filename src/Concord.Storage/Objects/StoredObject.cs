// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>One stored version of an object, with its JSON exactly as it was received.</summary>
/// <param name="Id">The object's <c>id</c>.</param>
/// <param name="Type">The object's <c>type</c>.</param>
/// <param name="Version">The version: <c>modified</c>, else <c>created</c>, exactly as written; for an object with neither, its date added.</param>
/// <param name="SpecVersion">The object's <c>spec_version</c> (see <see cref="IObjectStore.AddObjectsAsync"/> for the default).</param>
/// <param name="DateAdded">When this version was added to the collection.</param>
/// <param name="Json">The UTF-8 JSON of the object, byte for byte as given to <see cref="IObjectStore.AddObjectsAsync"/>.</param>
public sealed record StoredObject(string Id, string Type, string Version, string SpecVersion, DateAdded DateAdded, ReadOnlyMemory<byte> Json);
