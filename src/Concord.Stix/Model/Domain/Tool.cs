// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Tool: legitimate software that can be used by threat actors to perform attacks (section 4.18.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Tool(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>tool</c> (section 4.18.1).</summary>
    public const string TypeName = "tool";

    /// <summary><c>name</c> (required): A name or characterizing text used to identify the Tool (section 4.18.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Tool, potentially including its purpose and its key characteristics (section 4.18.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>tool_types</c>: The kind(s) of tool(s) being described (section 4.18.1).</summary>
    public IReadOnlyList<string> ToolTypes => GetStrings("tool_types");

    /// <summary><c>aliases</c>: Alternative names used to identify this Tool (section 4.18.1).</summary>
    public IReadOnlyList<string> Aliases => GetStrings("aliases");

    /// <summary><c>kill_chain_phases</c>: The list of kill chain phases for which this Tool can be used (section 4.18.1).</summary>
    public IReadOnlyList<KillChainPhase> KillChainPhases => GetObjects("kill_chain_phases", e => new KillChainPhase(e));

    /// <summary><c>tool_version</c>: The version identifier associated with the Tool (section 4.18.1).</summary>
    public string? ToolVersion => GetString("tool_version");
}
