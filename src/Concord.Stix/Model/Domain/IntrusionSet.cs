// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Intrusion Set: a grouped set of adversarial behaviors and resources with common properties (section 4.9.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class IntrusionSet(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>intrusion-set</c> (section 4.9.1).</summary>
    public const string TypeName = "intrusion-set";

    /// <summary><c>name</c> (required): A name or characterizing text used to identify the Intrusion Set (section 4.9.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Intrusion Set, potentially including its purpose and its key characteristics (section 4.9.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>aliases</c>: Alternative names used to identify this Intrusion Set (section 4.9.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>first_seen</c>: The time that this Intrusion Set was first seen (section 4.9.1).</summary>
    public StixTimestamp? FirstSeen => GetTimestamp("first_seen");

    /// <summary><c>last_seen</c>: The time that this Intrusion Set was last seen (section 4.9.1).</summary>
    public StixTimestamp? LastSeen => GetTimestamp("last_seen");

    /// <summary><c>goals</c>: The high-level goals of this Intrusion Set, namely, what are they trying to do (section 4.9.1).</summary>
    public IReadOnlyList<string> Goals => GetStrings("goals");

    /// <summary>The <c>resource_level</c> property (section 4.9.1).</summary>
    public string? ResourceLevel => GetString("resource_level");

    /// <summary><c>primary_motivation</c>: The primary reason, motivation, or purpose behind this Intrusion Set (section 4.9.1).</summary>
    public string? PrimaryMotivation => GetString("primary_motivation");

    /// <summary><c>secondary_motivations</c>: The secondary reasons, motivations, or purposes behind this Intrusion Set (section 4.9.1).</summary>
    public IReadOnlyList<string> SecondaryMotivations => GetStrings("secondary_motivations");
}
