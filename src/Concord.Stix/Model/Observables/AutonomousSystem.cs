// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An Autonomous System: a collection of IP networks under one routing policy (section 6.2.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class AutonomousSystem(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>autonomous-system</c> (section 6.2.1).</summary>
    public const string TypeName = "autonomous-system";

    /// <summary><c>number</c> (required): Specifies the number assigned to the AS (section 6.2.1).</summary>
    public long? Number => GetInt64("number");

    /// <summary><c>name</c>: Specifies the name of the AS (section 6.2.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>rir</c>: Specifies the name of the Regional Internet Registry (RIR) that assigned the number to the AS (section 6.2.1).</summary>
    public string? Rir => GetString("rir");
}
