// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Campaign: a grouping of adversarial behaviors over time against a particular set of targets (section 4.2.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Campaign(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>campaign</c> (section 4.2.1).</summary>
    public const string TypeName = "campaign";

    /// <summary><c>name</c> (required): A name used to identify the Campaign (section 4.2.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Campaign, potentially including its purpose and its key characteristics (section 4.2.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>aliases</c>: Alternative names used to identify this Campaign (section 4.2.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>first_seen</c>: The time that this Campaign was first seen (section 4.2.1).</summary>
    public StixTimestamp? FirstSeen => GetTimestamp("first_seen");

    /// <summary><c>last_seen</c>: The time that this Campaign was last seen (section 4.2.1).</summary>
    public StixTimestamp? LastSeen => GetTimestamp("last_seen");

    /// <summary>The <c>objective</c> property (section 4.2.1).</summary>
    public string? Objective => GetString("objective");
}
