// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Threat Actor: an individual, group or organization believed to operate with malicious intent (section 4.17.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class ThreatActor(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>threat-actor</c> (section 4.17.1).</summary>
    public const string TypeName = "threat-actor";

    /// <summary><c>name</c> (required): A name or characterizing text used to identify the Threat Actor or Threat Actor group (section 4.17.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Threat Actor, potentially including its purpose and its key characteristics (section 4.17.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>threat_actor_types</c>: The type(s) of this threat actor (section 4.17.1).</summary>
    public IReadOnlyList<string> ThreatActorTypes => GetStrings("threat_actor_types");

    /// <summary><c>aliases</c>: A list of other names that this Threat Actor is believed to use (section 4.17.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>first_seen</c>: The time that this Threat Actor was first seen (section 4.17.1).</summary>
    public StixTimestamp? FirstSeen => GetTimestamp("first_seen");

    /// <summary><c>last_seen</c>: The time that this Threat Actor was last seen (section 4.17.1).</summary>
    public StixTimestamp? LastSeen => GetTimestamp("last_seen");

    /// <summary><c>roles</c>: A list of roles the Threat Actor plays (section 4.17.1).</summary>
    public IReadOnlyList<string> Roles => GetStrings("roles");

    /// <summary><c>goals</c>: The high-level goals of this Threat Actor, namely, what are they trying to do (section 4.17.1).</summary>
    public IReadOnlyList<string> Goals => GetStrings("goals");

    /// <summary><c>sophistication</c>: The skill, specific knowledge, special training, or expertise a Threat Actor must have to perform the attack (section 4.17.1).</summary>
    public string? Sophistication => GetString("sophistication");

    /// <summary>The <c>resource_level</c> property (section 4.17.1).</summary>
    public string? ResourceLevel => GetString("resource_level");

    /// <summary><c>primary_motivation</c>: The primary reason, motivation, or purpose behind this Threat Actor (section 4.17.1).</summary>
    public string? PrimaryMotivation => GetString("primary_motivation");

    /// <summary><c>secondary_motivations</c>: This property specifies the secondary reasons, motivations, or purposes behind this Threat Actor (section 4.17.1).</summary>
    public IReadOnlyList<string> SecondaryMotivations => GetStrings("secondary_motivations");

    /// <summary><c>personal_motivations</c>: The personal reasons, motivations, or purposes of the Threat Actor regardless of organizational goals (section 4.17.1).</summary>
    public IReadOnlyList<string> PersonalMotivations => GetStrings("personal_motivations");
}
