// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Policy;

/// <summary>One stored object version as the decision point sees it: the store's metadata and the JSON.</summary>
/// <param name="Id">The object's <c>id</c>.</param>
/// <param name="Type">The object's <c>type</c>.</param>
/// <param name="Version">Its version (<c>modified</c>, else <c>created</c>, else its date added).</param>
/// <param name="Json">The UTF-8 JSON as stored.</param>
public readonly record struct ObjectVersion(string Id, string Type, string Version, ReadOnlyMemory<byte> Json);
