// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Mutex: a mutual exclusion object (section 6.11.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Mutex(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>mutex</c> (section 6.11.1).</summary>
    public const string TypeName = "mutex";

    /// <summary><c>name</c> (required): Specifies the name of the mutex object (section 6.11.1).</summary>
    public string? Name => GetString("name");
}
