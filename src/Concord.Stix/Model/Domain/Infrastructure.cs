// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Infrastructure: systems, software services and resources supporting some purpose (section 4.8.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Infrastructure(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>infrastructure</c> (section 4.8.1).</summary>
    public const string TypeName = "infrastructure";

    /// <summary><c>name</c> (required): A name or characterizing text used to identify the Infrastructure (section 4.8.1).</summary>
    public string? Name => GetString("name");

    /// <summary>The <c>description</c> property (section 4.8.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>infrastructure_types</c>: The type of infrastructure being described (section 4.8.1).</summary>
    public IReadOnlyList<string> InfrastructureTypes => GetStrings("infrastructure_types");

    /// <summary><c>aliases</c>: Alternative names used to identify this Infrastructure (section 4.8.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>kill_chain_phases</c>: The list of Kill Chain Phases for which this Infrastructure is used (section 4.8.1).</summary>
    public IReadOnlyList<KillChainPhase> KillChainPhases => GetObjects("kill_chain_phases", e => new KillChainPhase(e));

    /// <summary><c>first_seen</c>: The time that this Infrastructure was first seen performing malicious activities (section 4.8.1).</summary>
    public StixTimestamp? FirstSeen => GetTimestamp("first_seen");

    /// <summary><c>last_seen</c>: The time that this Infrastructure was last seen performing malicious activities (section 4.8.1).</summary>
    public StixTimestamp? LastSeen => GetTimestamp("last_seen");
}
