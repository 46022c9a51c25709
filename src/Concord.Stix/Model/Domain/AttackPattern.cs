// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Attack Pattern: a type of TTP describing ways adversaries attempt to compromise targets (section 4.1.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class AttackPattern(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>attack-pattern</c> (section 4.1.1).</summary>
    public const string TypeName = "attack-pattern";

    /// <summary><c>name</c> (required): A name used to identify the Attack Pattern (section 4.1.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Attack Pattern, potentially including its purpose and its key characteristics (section 4.1.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>aliases</c>: Alternative names used to identify this Attack Pattern (section 4.1.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>kill_chain_phases</c>: The list of Kill Chain Phases for which this Attack Pattern is used (section 4.1.1).</summary>
    public IReadOnlyList<KillChainPhase> KillChainPhases => GetObjects("kill_chain_phases", e => new KillChainPhase(e));
}
