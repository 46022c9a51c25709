// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Stix.Validation;
using Concord.Stix.Validation.Internal;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>The schemas of the STIX Domain Objects (section 4), one per property table.</summary>
internal static partial class DomainSchemas
{
    private static readonly ListType KillChainPhases = ListOf(Embedded(CommonSchemas.KillChainPhase));

    public static IEnumerable<ObjectSchema> All =>
    [
        AttackPattern,
        Campaign,
        CourseOfAction,
        Grouping,
        Identity,
        Incident,
        Indicator,
        Infrastructure,
        IntrusionSet,
        Location,
        Malware,
        MalwareAnalysis,
        Note,
        ObservedData,
        Opinion,
        Report,
        ThreatActor,
        Tool,
        Vulnerability,
    ];

    /// <summary>attack-pattern (section 4.1).</summary>
    public static ObjectSchema AttackPattern { get; } = ObjectSchema.For("attack-pattern", ObjectCategory.Domain, "4.1")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("aliases", StringList)
        .Optional("kill_chain_phases", KillChainPhases)
        .Rule(ctx => CheckExternalId(ctx, "capec", CapecId(), "CAPEC-[id], e.g. CAPEC-163", StixRules.CapecReference))
        .Build();

    /// <summary>campaign (section 4.2).</summary>
    public static ObjectSchema Campaign { get; } = ObjectSchema.For("campaign", ObjectCategory.Domain, "4.2")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("aliases", StringList)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Optional("objective", Text)
        .Rule(CheckFirstSeenLastSeen)
        .Build();

    /// <summary>course-of-action (section 4.3).</summary>
    public static ObjectSchema CourseOfAction { get; } = ObjectSchema.For("course-of-action", ObjectCategory.Domain, "4.3")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("action", Any)
        .Rule(ctx =>
        {
            if (ctx.Has("action"))
            {
                ctx.Report(StixRules.CourseOfActionAction, "action", "expected no action property: it is RESERVED for future structured courses of action (section 3.8), but it is present");
            }
        })
        .Build();

    /// <summary>grouping (section 4.4).</summary>
    public static ObjectSchema Grouping { get; } = ObjectSchema.For("grouping", ObjectCategory.Domain, "4.4")
        .Required("name", Text)
        .Optional("description", Text)
        .Required("context", OpenVocab(Vocabularies.GroupingContext))
        .Required("object_refs", Refs(ObjectCategory.Any))
        .Build();

    /// <summary>identity (section 4.5).</summary>
    public static ObjectSchema Identity { get; } = ObjectSchema.For("identity", ObjectCategory.Domain, "4.5")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("roles", StringList)
        .Optional("identity_class", OpenVocab(Vocabularies.IdentityClass))
        .Optional("sectors", ListOf(OpenVocab(Vocabularies.IndustrySector)))
        .Optional("contact_information", Text)
        .Build();

    /// <summary>incident (section 4.6).</summary>
    public static ObjectSchema Incident { get; } = ObjectSchema.For("incident", ObjectCategory.Domain, "4.6")
        .Required("name", Text)
        .Optional("description", Text)
        .Build();

    /// <summary>indicator (section 4.7).</summary>
    public static ObjectSchema Indicator { get; } = ObjectSchema.For("indicator", ObjectCategory.Domain, "4.7")
        .Optional("name", Text)
        .Optional("description", Text)
        .Optional("indicator_types", ListOf(OpenVocab(Vocabularies.IndicatorType)))
        .Required("pattern", Text)
        .Required("pattern_type", OpenVocab(Vocabularies.PatternType))
        .Optional("pattern_version", Text)
        .Required("valid_from", Timestamp)
        .Optional("valid_until", Timestamp)
        .Optional("kill_chain_phases", KillChainPhases)
        .Rule(ctx =>
        {
            if (ctx.TryGetTimestamp("valid_from", out var from) && ctx.TryGetTimestamp("valid_until", out var until) && until <= from)
            {
                ctx.Report(StixRules.IndicatorValidity, "valid_until", $"expected valid_until later than valid_from {from}, found {until}");
            }
        })
        .Rule(CheckPattern)
        .Build();

    /// <summary>infrastructure (section 4.8).</summary>
    public static ObjectSchema Infrastructure { get; } = ObjectSchema.For("infrastructure", ObjectCategory.Domain, "4.8")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("infrastructure_types", ListOf(OpenVocab(Vocabularies.InfrastructureType)))
        .Optional("aliases", StringList)
        .Optional("kill_chain_phases", KillChainPhases)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Rule(CheckFirstSeenLastSeen)
        .Build();

    /// <summary>intrusion-set (section 4.9).</summary>
    public static ObjectSchema IntrusionSet { get; } = ObjectSchema.For("intrusion-set", ObjectCategory.Domain, "4.9")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("aliases", StringList)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Optional("goals", StringList)
        .Optional("resource_level", OpenVocab(Vocabularies.AttackResourceLevel))
        .Optional("primary_motivation", OpenVocab(Vocabularies.AttackMotivation))
        .Optional("secondary_motivations", ListOf(OpenVocab(Vocabularies.AttackMotivation)))
        .Rule(CheckFirstSeenLastSeen)
        .Build();

    /// <summary>location (section 4.10): region, country, or latitude with longitude.</summary>
    public static ObjectSchema Location { get; } = ObjectSchema.For("location", ObjectCategory.Domain, "4.10")
        .Optional("name", Text)
        .Optional("description", Text)
        .Optional("latitude", FloatRange(-90.0, 90.0))
        .Optional("longitude", FloatRange(-180.0, 180.0))
        .Optional("precision", Number)
        .Optional("region", OpenVocab(Vocabularies.Region))
        .Optional("country", Text)
        .Optional("administrative_area", Text)
        .Optional("city", Text)
        .Optional("street_address", Text)
        .Optional("postal_code", Text)
        .AtLeastOneOf("region", "country", "latitude", "longitude")
        .Requires("latitude", "longitude")
        .Requires("longitude", "latitude")
        .Requires("precision", "latitude")
        .Requires("precision", "longitude")
        .Rule(ctx =>
        {
            if (ctx.TryGetString("country", out var country) && !(country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])))
            {
                ctx.Report(StixRules.LocationCountryCode, "country", $"expected an ISO 3166-1 ALPHA-2 country code such as \"us\", found \"{country}\"");
            }
        })
        .Build();

    /// <summary>malware (section 4.11).</summary>
    public static ObjectSchema Malware { get; } = ObjectSchema.For("malware", ObjectCategory.Domain, "4.11")
        .Optional("name", Text)
        .Optional("description", Text)
        .Optional("malware_types", ListOf(OpenVocab(Vocabularies.MalwareType)))
        .Optional("is_family", Bool)
        .Optional("aliases", StringList)
        .Optional("kill_chain_phases", KillChainPhases)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Optional("operating_system_refs", Refs("software"))
        .Optional("architecture_execution_envs", ListOf(OpenVocab(Vocabularies.ProcessorArchitecture)))
        .Optional("implementation_languages", ListOf(OpenVocab(Vocabularies.ImplementationLanguage)))
        .Optional("capabilities", ListOf(OpenVocab(Vocabularies.MalwareCapabilities)))
        .Optional("sample_refs", Refs("file", "artifact"))
        .Rule(CheckFirstSeenLastSeen)
        .Rule(ctx =>
        {
            if (ctx.TryGet("is_family", out var isFamily) && isFamily.ValueKind == JsonValueKind.True && !ctx.Has("name"))
            {
                ctx.Report(StixRules.MalwareFamilyName, "name", "expected a name, which a malware family (is_family true) must have, but there is none");
            }
        })
        .Build();

    /// <summary>malware-analysis (section 4.12): result or analysis_sco_refs.</summary>
    public static ObjectSchema MalwareAnalysis { get; } = ObjectSchema.For("malware-analysis", ObjectCategory.Domain, "4.12")
        .Required("product", Text)
        .Optional("version", Text)
        .Optional("host_vm_ref", Ref("software"))
        .Optional("operating_system_ref", Ref("software"))
        .Optional("installed_software_refs", Refs("software"))
        .Optional("configuration_version", Text)
        .Optional("modules", StringList)
        .Optional("analysis_engine_version", Text)
        .Optional("analysis_definition_version", Text)
        .Optional("submitted", Timestamp)
        .Optional("analysis_started", Timestamp)
        .Optional("analysis_ended", Timestamp)
        .Optional("result_name", Text)
        .Optional("result", OpenVocab(Vocabularies.MalwareResult))
        .Optional("analysis_sco_refs", Refs(ObjectCategory.Observable))
        .Optional("sample_ref", Ref("file", "network-traffic", "artifact"))
        .AtLeastOneOf("result", "analysis_sco_refs")
        .Rule(ctx =>
        {
            if (ctx.TryGetString("product", out var product) && !ProductName().IsMatch(product))
            {
                ctx.Report(StixRules.MalwareAnalysisProduct, "product", $"expected a lowercase product name with words separated by dashes (e.g. \"microsoft-defender\"), found \"{product}\"");
            }
        })
        .Build();

    /// <summary>note (section 4.13).</summary>
    public static ObjectSchema Note { get; } = ObjectSchema.For("note", ObjectCategory.Domain, "4.13")
        .Optional("abstract", Text)
        .Required("content", Text)
        .Optional("authors", StringList)
        .Required("object_refs", Refs(ObjectCategory.Any))
        .Build();

    /// <summary>observed-data (section 4.14): exactly one of objects (deprecated) and object_refs.</summary>
    public static ObjectSchema ObservedData { get; } = ObjectSchema.For("observed-data", ObjectCategory.Domain, "4.14")
        .Required("first_observed", Timestamp)
        .Required("last_observed", Timestamp)
        .Required("number_observed", IntegerRange(1, 999_999_999))
        .Deprecated("objects", new ObservableContainerType())
        .Optional("object_refs", Refs(ObjectCategory.Observable | ObjectCategory.Relationship))
        .AtLeastOneOf("objects", "object_refs")
        .MutuallyExclusive("objects", "object_refs")
        .Rule(ctx =>
        {
            if (ctx.TryGetTimestamp("first_observed", out var first) && ctx.TryGetTimestamp("last_observed", out var last) && last < first)
            {
                ctx.Report(StixRules.ObservedDataWindow, "last_observed", $"expected last_observed at or after first_observed {first}, found {last}");
            }
        })
        .Rule(CheckObservedDataScoReference)
        .Build();

    /// <summary>opinion (section 4.15).</summary>
    public static ObjectSchema Opinion { get; } = ObjectSchema.For("opinion", ObjectCategory.Domain, "4.15")
        .Optional("explanation", Text)
        .Optional("authors", StringList)
        .Required("opinion", Enum(Vocabularies.Opinion))
        .Required("object_refs", Refs(ObjectCategory.Any))
        .Build();

    /// <summary>report (section 4.16).</summary>
    public static ObjectSchema Report { get; } = ObjectSchema.For("report", ObjectCategory.Domain, "4.16")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("report_types", ListOf(OpenVocab(Vocabularies.ReportType)))
        .Required("published", Timestamp)
        .Required("object_refs", Refs(ObjectCategory.Any))
        .Build();

    /// <summary>threat-actor (section 4.17).</summary>
    public static ObjectSchema ThreatActor { get; } = ObjectSchema.For("threat-actor", ObjectCategory.Domain, "4.17")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("threat_actor_types", ListOf(OpenVocab(Vocabularies.ThreatActorType)))
        .Optional("aliases", StringList)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Optional("roles", ListOf(OpenVocab(Vocabularies.ThreatActorRole)))
        .Optional("goals", StringList)
        .Optional("sophistication", OpenVocab(Vocabularies.ThreatActorSophistication))
        .Optional("resource_level", OpenVocab(Vocabularies.AttackResourceLevel))
        .Optional("primary_motivation", OpenVocab(Vocabularies.AttackMotivation))
        .Optional("secondary_motivations", ListOf(OpenVocab(Vocabularies.AttackMotivation)))
        .Optional("personal_motivations", ListOf(OpenVocab(Vocabularies.AttackMotivation)))
        .Rule(CheckFirstSeenLastSeen)
        .Build();

    /// <summary>tool (section 4.18).</summary>
    public static ObjectSchema Tool { get; } = ObjectSchema.For("tool", ObjectCategory.Domain, "4.18")
        .Required("name", Text)
        .Optional("description", Text)
        .Optional("tool_types", ListOf(OpenVocab(Vocabularies.ToolType)))
        .Optional("aliases", StringList)
        .Optional("kill_chain_phases", KillChainPhases)
        .Optional("tool_version", Text)
        .Build();

    /// <summary>vulnerability (section 4.19).</summary>
    public static ObjectSchema Vulnerability { get; } = ObjectSchema.For("vulnerability", ObjectCategory.Domain, "4.19")
        .Required("name", Text)
        .Optional("description", Text)
        .Rule(ctx => CheckExternalId(ctx, "cve", CveId(), "a CVE identifier, e.g. CVE-2016-1234", StixRules.CveReference))
        .Build();

    /// <summary>Campaign, infrastructure, intrusion set, malware, threat actor: last_seen ≥ first_seen.</summary>
    private static void CheckFirstSeenLastSeen(ObjectRuleContext ctx)
    {
        if (ctx.TryGetTimestamp("first_seen", out var first) && ctx.TryGetTimestamp("last_seen", out var last) && last < first)
        {
            ctx.Report(StixRules.LastSeenBeforeFirstSeen, "last_seen", $"expected last_seen at or after first_seen {first}, found {last}");
        }
    }

    /// <summary>The indicator's pattern, checked by the caller-supplied checker of its pattern language.</summary>
    private static void CheckPattern(ObjectRuleContext ctx)
    {
        if (!ctx.TryGetString("pattern", out var pattern) || !ctx.TryGetString("pattern_type", out var patternType))
        {
            return;
        }

        var checker = ctx.Options.PatternChecker;
        if (checker is null)
        {
            ctx.Report(StixRules.PatternNotChecked, "pattern", $"expected a checked {patternType} pattern, but no pattern checker is configured");
            return;
        }

        if (!checker.Supports(patternType))
        {
            ctx.Report(StixRules.PatternNotChecked, "pattern", $"expected a checked pattern, but the configured checker does not support pattern_type \"{patternType}\"");
            return;
        }

        var problem = checker.Check(patternType, pattern);
        if (problem is not null)
        {
            ctx.Report(StixRules.PatternSyntax, "pattern", $"expected a valid {patternType} pattern: {problem}");
        }
    }

    /// <summary>object_refs of an observed data: at least one SCO among the SCOs and SROs.</summary>
    private static void CheckObservedDataScoReference(ObjectRuleContext ctx)
    {
        if (!ctx.TryGet("object_refs", out var refs) || refs.ValueKind != JsonValueKind.Array || refs.GetArrayLength() == 0)
        {
            return;
        }

        foreach (var item in refs.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return;
            }

            var id = item.GetString()!;
            var separator = id.IndexOf("--", StringComparison.Ordinal);
            var type = separator < 0 ? id : id[..separator];
            var category = StixSchemas.CategoryOf(type);
            if (category == ObjectCategory.Observable || (category == ObjectCategory.None && type != "relationship" && type != "sighting"))
            {
                return;
            }
        }

        ctx.Report(StixRules.ObservedDataScoReference, "object_refs", "expected at least one reference to an SCO, found only references to SROs or other objects");
    }

    /// <summary>
    /// The external references that carry an identifier of an external catalogue (CAPEC, CVE): with
    /// the catalogue's source_name, the external_id has the catalogue's form; an external_id of that
    /// form is given under the catalogue's source_name.
    /// </summary>
    private static void CheckExternalId(ObjectRuleContext ctx, string sourceName, Regex idForm, string expectedForm, StixRule rule)
    {
        if (!ctx.TryGet("external_references", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var index = -1;
        foreach (var reference in references.EnumerateArray())
        {
            index++;
            if (reference.ValueKind != JsonValueKind.Object
                || !reference.TryGetProperty("external_id", out var externalId) || externalId.ValueKind != JsonValueKind.String
                || !reference.TryGetProperty("source_name", out var source) || source.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var underCatalogue = source.ValueEquals(sourceName);
            if (underCatalogue != idForm.IsMatch(JsonText.Value(externalId, buffer)))
            {
                var path = $"external_references[{index}]";
                var id = externalId.GetString();
                if (underCatalogue)
                {
                    ctx.Report(rule, path + ".external_id", $"expected {expectedForm} for source_name \"{sourceName}\", found \"{id}\"");
                }
                else
                {
                    ctx.Report(rule, path + ".source_name", $"expected source_name \"{sourceName}\" for the identifier {id}, found \"{source.GetString()}\"");
                }
            }
        }
    }

    [GeneratedRegex(@"^CAPEC-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CapecId();

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductName();
}
