// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>
/// A STIX Cyber-observable Object, SCO (section 6). SCOs are not versioned: they have no
/// <c>created</c> or <c>modified</c>, and their id is usually deterministic (section 3.4).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class CyberObservable : StixObject
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    protected CyberObservable(JsonElement json)
        : base(json)
    {
    }

    /// <summary><c>defanged</c>: whether the data in this object has been defanged; absent means false (section 3.2).</summary>
    public bool? Defanged => GetBoolean("defanged");

    /// <summary>An entry of the <c>extensions</c> dictionary as a typed view, or null when absent or not a JSON object.</summary>
    /// <typeparam name="T">The view type.</typeparam>
    /// <param name="name">The extension key, e.g. <c>archive-ext</c>.</param>
    /// <param name="create">Creates the view over the extension body.</param>
    protected T? GetExtension<T>(string name, Func<JsonElement, T> create)
        where T : class =>
        TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty(name, out var body) && body.ValueKind == JsonValueKind.Object
            ? create(body)
            : null;
}
