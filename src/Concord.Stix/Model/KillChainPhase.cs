// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>A kill chain phase: a phase of a kill chain in which an object is used (section 2.11).</summary>
/// <param name="json">The JSON object.</param>
public sealed class KillChainPhase(JsonElement json) : StixElement(json)
{
    /// <summary><c>kill_chain_name</c> (required): the name of the kill chain, lowercase with hyphens (section 2.11).</summary>
    public string? KillChainName => GetString("kill_chain_name");

    /// <summary><c>phase_name</c> (required): the name of the phase in the kill chain, lowercase with hyphens (section 2.11).</summary>
    public string? PhaseName => GetString("phase_name");
}
