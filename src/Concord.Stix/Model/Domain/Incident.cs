// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Incident (a stub object in STIX 2.1) (section 4.6.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Incident(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>incident</c> (section 4.6.1).</summary>
    public const string TypeName = "incident";

    /// <summary><c>name</c> (required): A name used to identify the Incident (section 4.6.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Incident, potentially including its purpose and its key characteristics (section 4.6.1).</summary>
    public string? Description => GetString("description");
}
