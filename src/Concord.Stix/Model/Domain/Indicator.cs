// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Indicator: a pattern that can be used to detect suspicious or malicious activity (section 4.7.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Indicator(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>indicator</c> (section 4.7.1).</summary>
    public const string TypeName = "indicator";

    /// <summary><c>name</c>: A name used to identify the Indicator (section 4.7.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Indicator, potentially including its purpose and its key characteristics (section 4.7.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>indicator_types</c>: A set of categorizations for this indicator (section 4.7.1).</summary>
    public IReadOnlyList<string> IndicatorTypes => GetStrings("indicator_types");

    /// <summary>The <c>pattern</c> property (required, section 4.7.1).</summary>
    public string? Pattern => GetString("pattern");

    /// <summary><c>pattern_type</c> (required): The pattern language used in this indicator (section 4.7.1).</summary>
    public string? PatternType => GetString("pattern_type");

    /// <summary>The <c>pattern_version</c> property (section 4.7.1).</summary>
    public string? PatternVersion => GetString("pattern_version");

    /// <summary><c>valid_from</c> (required): The time from which this Indicator is considered a valid indicator of the behaviors it is related or represents (section 4.7.1).</summary>
    public StixTimestamp? ValidFrom => GetTimestamp("valid_from");

    /// <summary><c>valid_until</c>: The time at which this Indicator should no longer be considered a valid indicator of the behaviors it is related to or represents (section 4.7.1).</summary>
    public StixTimestamp? ValidUntil => GetTimestamp("valid_until");

    /// <summary><c>kill_chain_phases</c>: The kill chain phase(s) to which this Indicator corresponds (section 4.7.1).</summary>
    public IReadOnlyList<KillChainPhase> KillChainPhases => GetObjects("kill_chain_phases", e => new KillChainPhase(e));
}
