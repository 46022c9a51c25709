// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Validation;
using Concord.Stix.Validation.Internal;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>The embedded types shared by all objects: external-reference, kill-chain-phase and granular-marking.</summary>
public static class CommonSchemas
{
    /// <summary>external-reference (section 2.5).</summary>
    public static ObjectSchema ExternalReference { get; } = ObjectSchema.Embedded("external-reference", "2.5")
        .Required("source_name", Text)
        .Optional("description", Text)
        .Optional("url", Text)
        .Optional("hashes", Hashes)
        .Optional("external_id", Text)
        .AtLeastOneOf("description", "url", "external_id")
        .Build();

    /// <summary>kill-chain-phase (section 2.11).</summary>
    public static ObjectSchema KillChainPhase { get; } = ObjectSchema.Embedded("kill-chain-phase", "2.11")
        .Required("kill_chain_name", Text)
        .Required("phase_name", Text)
        .Rule(CheckKillChainNames)
        .Build();

    /// <summary>granular-marking (section 7.2.3).</summary>
    public static ObjectSchema GranularMarking { get; } = ObjectSchema.Embedded("granular-marking", "7.2.3")
        .Optional("lang", Text)
        .Optional("marking_ref", Ref("marking-definition"))
        .Required("selectors", StringList)
        .Build();

    // Section 2.11: both names SHOULD be lowercase with hyphens as word separators.
    private static void CheckKillChainNames(ObjectRuleContext context)
    {
        foreach (var name in (string[])["kill_chain_name", "phase_name"])
        {
            if (context.TryGetString(name, out var value) && !Names.IsConventionalTerm(value))
            {
                context.Report(StixRules.KillChainPhaseFormat, name, $"'{value}' should be lowercase with hyphens instead of spaces or underscores");
            }
        }
    }
}
