// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>
/// The type-specific rules of the domain objects (section 4), the relationship objects (section 5)
/// and the meta objects (section 7) that the declarative schemas cannot express.
/// </summary>
public static partial class StixRules
{
    /// <summary>An attack pattern's CAPEC reference has source_name <c>capec</c> and an external_id <c>CAPEC-[id]</c> (section 4.1.1).</summary>
    public static readonly StixRule CapecReference = Define("capec-reference", Severity.Error, "4.1.1", "A CAPEC reference of an attack pattern must have source_name \"capec\" and an external_id of the form CAPEC-[id].");

    /// <summary>The reserved <c>action</c> property of a course of action is not present (sections 3.8 and 4.3.1).</summary>
    public static readonly StixRule CourseOfActionAction = Define("course-of-action-action", Severity.Error, "4.3.1", "The action property of a course of action is RESERVED and must not be present (section 3.8).");

    /// <summary>An indicator's valid_until is later than its valid_from (section 4.7.1).</summary>
    public static readonly StixRule IndicatorValidity = Define("indicator-validity", Severity.Error, "4.7.1", "An indicator's valid_until must be greater than its valid_from.");

    /// <summary>last_seen is not earlier than first_seen on campaigns, infrastructure, intrusion sets, malware and threat actors (section 4).</summary>
    public static readonly StixRule LastSeenBeforeFirstSeen = Define("last-seen-before-first-seen", Severity.Error, "4.2.1", "last_seen must be greater than or equal to first_seen (campaign, infrastructure, intrusion-set, malware, threat-actor).");

    /// <summary>A location's country SHOULD be an ISO 3166-1 alpha-2 code (section 4.10.1).</summary>
    public static readonly StixRule LocationCountryCode = Define("location-country-code", Severity.Warning, "4.10.1", "A location's country should be an ISO 3166-1 ALPHA-2 code (two letters).");

    /// <summary>A malware family has a name (section 4.11.1).</summary>
    public static readonly StixRule MalwareFamilyName = Define("malware-family-name", Severity.Error, "4.11.1", "A malware object with is_family true must have a name.");

    /// <summary>Malware analysis product names SHOULD be lowercase words separated by dashes (section 4.12.1).</summary>
    public static readonly StixRule MalwareAnalysisProduct = Define("malware-analysis-product", Severity.Warning, "4.12.1", "A malware analysis product name should be all lowercase with words separated by a dash.");

    /// <summary>An observed data's last_observed is not earlier than its first_observed (section 4.14.1).</summary>
    public static readonly StixRule ObservedDataWindow = Define("observed-data-window", Severity.Error, "4.14.1", "An observed data's last_observed must be greater than or equal to its first_observed.");

    /// <summary>An observed data's object_refs holds at least one SCO reference (section 4.14.1).</summary>
    public static readonly StixRule ObservedDataScoReference = Define("observed-data-sco-reference", Severity.Error, "4.14.1", "An observed data's object_refs must contain at least one reference to an SCO.");

    /// <summary>A vulnerability's CVE reference has source_name <c>cve</c> and the exact CVE identifier (section 4.19.1).</summary>
    public static readonly StixRule CveReference = Define("cve-reference", Severity.Error, "4.19.1", "A CVE reference of a vulnerability must have source_name \"cve\" and an external_id that is a CVE identifier (CVE-YYYY-NNNN).");

    /// <summary>relationship_type is lowercase ASCII letters, digits and hyphens (section 5.1.2).</summary>
    public static readonly StixRule RelationshipTypeFormat = Define("relationship-type-format", Severity.Error, "5.1.2", "relationship_type must contain only the ASCII characters a-z, 0-9 and hyphen.");

    /// <summary>A relationship's stop_time is later than its start_time (section 5.1.2).</summary>
    public static readonly StixRule RelationshipTimeWindow = Define("relationship-time-window", Severity.Error, "5.1.2", "A relationship's stop_time must be later than its start_time.");

    /// <summary>A sighting's last_seen is not earlier than its first_seen (section 5.2.1).</summary>
    public static readonly StixRule SightingWindow = Define("sighting-window", Severity.Error, "5.2.1", "A sighting's last_seen must be greater than or equal to its first_seen.");

    /// <summary>The keys of a language content's contents are RFC 5646 language codes (section 7.1.1).</summary>
    public static readonly StixRule LanguageContentKey = Define("language-content-key", Severity.Error, "7.1.1", "The keys of a language content's contents must be RFC 5646 language codes.");

    /// <summary>A marking definition's definition is the marking object of its definition_type (section 7.2.1).</summary>
    public static readonly StixRule MarkingDefinitionContent = Define("marking-definition-content", Severity.Error, "7.2.1", "definition must be the marking object of definition_type: {\"statement\": string} for statement, {\"tlp\": string} for tlp.");

    /// <summary>Only the four standard TLP marking definitions exist (section 7.2.1.4).</summary>
    public static readonly StixRule TlpMarking = Define("tlp-marking", Severity.Error, "7.2.1.4", "A TLP marking definition must be one of the four standard TLP marking definitions, unchanged.");

    /// <summary>extension_properties is used only with toplevel-property-extension (section 7.3.1).</summary>
    public static readonly StixRule ExtensionPropertiesUsage = Define("extension-properties-usage", Severity.Error, "7.3.1", "extension_properties must only be used when extension_types includes toplevel-property-extension.");

    /// <summary>A toplevel-property-extension definition SHOULD list its properties (section 7.3.1).</summary>
    public static readonly StixRule ToplevelExtensionProperties = Define("toplevel-extension-properties", Severity.Warning, "7.3.1", "When extension_types includes toplevel-property-extension, extension_properties should list the property names.");
}
