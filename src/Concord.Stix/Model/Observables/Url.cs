// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A URL: a uniform resource locator (section 6.15.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Url(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>url</c> (section 6.15.1).</summary>
    public const string TypeName = "url";

    /// <summary><c>value</c> (required): Specifies the value of the URL (section 6.15.1).</summary>
    public string? Value => GetString("value");
}
