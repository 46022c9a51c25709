// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Validation;

namespace Concord.Stix.Tests.Validation;

/// <summary>
/// The breaking cases of the rules of sections 4, 5 and 7 (domain, relationship and meta objects).
/// Each case is a valid object of <see cref="ValidObjects"/> with exactly one thing broken.
/// </summary>
internal static partial class RuleCases
{
    /// <summary>A version timestamp shared by the objects below.</summary>
    private const string Created = "\"created\": \"2016-05-12T08:17:27.000Z\", \"modified\": \"2016-05-12T08:17:27.000Z\"";

    public const string AttackPattern = $$"""
        {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--80be01d2-9d35-4d52-8405-c4ba7a2d0a38", {{Created}},
         "name": "Spear Phishing", "external_references": [{"source_name": "capec", "external_id": "CAPEC-163"}]}
        """;

    public const string Campaign = $$"""
        {"type": "campaign", "spec_version": "2.1", "id": "campaign--4ec14ddf-89b2-488a-a606-e7a176ae8311", {{Created}},
         "name": "Green Group Attacks Against Finance", "first_seen": "2016-04-06T20:03:00.000Z", "last_seen": "2016-04-06T20:03:00.000Z"}
        """;

    public const string CourseOfAction = $$"""
        {"type": "course-of-action", "spec_version": "2.1", "id": "course-of-action--8996537f-d053-43c3-b52c-1a12a40f111c", {{Created}},
         "name": "Add TCP port 80 Filter Rule to the existing Block UDP 1434 Filter"}
        """;

    public const string Indicator = $$"""
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--0a641ea1-8ede-445c-9ce0-25c17d1de52d", {{Created}},
         "name": "Poison Ivy Malware", "indicator_types": ["malicious-activity"],
         "pattern": "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
         "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z", "valid_until": "2017-01-01T00:00:00Z"}
        """;

    public const string Location = $$"""
        {"type": "location", "spec_version": "2.1", "id": "location--5769cdde-494b-4fbe-9bcd-af61c0f519ad", {{Created}},
         "region": "northern-america", "country": "us", "latitude": 48.8566, "longitude": 2.3522, "precision": 1000.0}
        """;

    public const string Malware = $$"""
        {"type": "malware", "spec_version": "2.1", "id": "malware--5a3d9487-1126-43c6-90b4-3863d5fcc604", {{Created}},
         "name": "Cryptolocker", "is_family": true, "malware_types": ["ransomware"], "first_seen": "2013-09-05T00:00:00Z"}
        """;

    public const string MalwareAnalysis = $$"""
        {"type": "malware-analysis", "spec_version": "2.1", "id": "malware-analysis--9d2a6b19-909a-4a94-801c-d7c7ec929262", {{Created}},
         "product": "microsoft-defender", "result": "malicious"}
        """;

    public const string ObservedData = $$"""
        {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--d17d911e-de7c-47e5-8e3c-ce60aa609af4", {{Created}},
         "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 50,
         "object_refs": ["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "relationship--20a5c403-0741-4ed6-bd46-ef64f10f1eb5"]}
        """;

    public const string Vulnerability = $$"""
        {"type": "vulnerability", "spec_version": "2.1", "id": "vulnerability--b360d2e9-083c-4163-ae9f-e3ad57333b78", {{Created}},
         "name": "CVE-2016-1234", "external_references": [{"source_name": "cve", "external_id": "CVE-2016-1234"}]}
        """;

    public const string Relationship = $$"""
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--20a5c403-0741-4ed6-bd46-ef64f10f1eb5", {{Created}},
         "relationship_type": "indicates", "source_ref": "indicator--0a641ea1-8ede-445c-9ce0-25c17d1de52d",
         "target_ref": "malware--5a3d9487-1126-43c6-90b4-3863d5fcc604", "start_time": "2016-01-01T00:00:00Z", "stop_time": "2016-02-01T00:00:00Z"}
        """;

    public const string Sighting = $$"""
        {"type": "sighting", "spec_version": "2.1", "id": "sighting--ef26a324-bc57-46ca-a6dd-b04c6443530d", {{Created}},
         "first_seen": "2015-12-21T19:00:00Z", "last_seen": "2015-12-21T19:00:00Z", "count": 0, "summary": false,
         "sighting_of_ref": "indicator--0a641ea1-8ede-445c-9ce0-25c17d1de52d",
         "observed_data_refs": ["observed-data--d17d911e-de7c-47e5-8e3c-ce60aa609af4"],
         "where_sighted_refs": ["identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "location--5769cdde-494b-4fbe-9bcd-af61c0f519ad"]}
        """;

    public const string LanguageContent = $$"""
        {"type": "language-content", "spec_version": "2.1", "id": "language-content--7ba66fbf-1ff0-4745-933b-fc59a6f2115e", {{Created}},
         "object_ref": "campaign--4ec14ddf-89b2-488a-a606-e7a176ae8311", "object_modified": "2016-05-12T08:17:27.000Z",
         "contents": {"de": {"name": "Bank Angriff 1", "description": "Weitere Informationen"}, "zh-Hans": {"name": "银行攻击 1"} } }
        """;

    public const string StatementMarking = """
        {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--65645742-6336-4dae-975b-6b7212b8e4cf",
         "created": "2016-08-01T00:00:00.000Z", "definition_type": "statement", "definition": {"statement": "Copyright 2019, Example Corp"}}
        """;

    public const string TlpWhite = """
        {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
         "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:WHITE", "definition": {"tlp": "white"}}
        """;

    public const string ExtensionDefinition = """
        {"type": "extension-definition", "spec_version": "2.1", "id": "extension-definition--56f6d326-058d-40c4-b85f-9368c17a1691",
         "created_by_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "created": "2014-02-20T09:16:08.000Z", "modified": "2014-02-20T09:16:08.000Z",
         "name": "Extension Foo Bar", "description": "This schema adds two properties to a STIX object at the toplevel",
         "schema": "https://www.example.com/schema-foo-1/v1/", "version": "1.2.1",
         "extension_types": ["toplevel-property-extension"], "extension_properties": ["toxicity", "rank"]}
        """;

    /// <summary>
    /// The valid objects the cases break. They have no finding but the warnings they carry by design
    /// (<c>pattern-not-checked</c> without a checker, <c>deprecated-property</c> for definition_type and definition).
    /// </summary>
    public static IReadOnlyList<string> ValidObjects =>
    [
        AttackPattern, Campaign, CourseOfAction, Indicator, Location, Malware, MalwareAnalysis, ObservedData, Vulnerability,
        Relationship, Sighting, LanguageContent, StatementMarking, TlpWhite, ExtensionDefinition,
    ];

    /// <summary>Options whose pattern checker accepts only bracketed STIX patterns, for the pattern cases.</summary>
    public static StixValidatorOptions WithBracketChecker { get; } = new() { PatternChecker = new BracketPatternChecker() };

    private static string Break(string json, string oldValue, string newValue)
    {
        if (!json.Contains(oldValue, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{oldValue}' is not in the base object", nameof(oldValue));
        }

        return json.Replace(oldValue, newValue, StringComparison.Ordinal);
    }

    private static IEnumerable<RuleCase> Objects() =>
    [
        // Generic rules that only the object schemas of sections 4 and 5 exercise.
        new("mutually-exclusive", With(ObservedData, "\"objects\": {\"0\": {\"type\": \"ipv4-addr\", \"value\": \"198.51.100.3\"}}"), "$.object_refs"),
        new("property-dependency", Break(Location, ", \"longitude\": 2.3522", string.Empty), "$.latitude"),
        new("property-dependency", Break(Location, "\"latitude\": 48.8566, \"longitude\": 2.3522, ", string.Empty), "$.precision"),
        new("at-least-one-of", Break(Location, "\"region\": \"northern-america\", \"country\": \"us\", \"latitude\": 48.8566, \"longitude\": 2.3522, \"precision\": 1000.0", "\"city\": \"Paris\""), "$"),

        // Rules of sections 4, 5 and 7.
        new("capec-reference", Break(AttackPattern, "\"CAPEC-163\"", "\"163\""), "$.external_references[0].external_id"),
        new("capec-reference", Break(AttackPattern, "\"source_name\": \"capec\"", "\"source_name\": \"mitre\""), "$.external_references[0].source_name"),
        new("course-of-action-action", With(CourseOfAction, "\"action\": \"block port 80\""), "$.action"),
        new("indicator-validity", Break(Indicator, "\"valid_until\": \"2017-01-01T00:00:00Z\"", "\"valid_until\": \"2016-01-01T00:00:00.000Z\""), "$.valid_until"),
        new("pattern-not-checked", Indicator, "$.pattern"),
        new("pattern-not-checked", Break(Indicator, "\"pattern_type\": \"stix\"", "\"pattern_type\": \"yara\""), "$.pattern", WithBracketChecker),
        new("pattern-syntax", Break(Indicator, "\"[ file:", "\"file:"), "$.pattern", WithBracketChecker),
        new("last-seen-before-first-seen", Break(Campaign, "\"last_seen\": \"2016-04-06T20:03:00.000Z\"", "\"last_seen\": \"2016-04-06T20:02:59.999Z\""), "$.last_seen"),
        new("last-seen-before-first-seen", With(Malware, "\"last_seen\": \"2013-09-04T00:00:00Z\""), "$.last_seen"),
        new("location-country-code", Break(Location, "\"country\": \"us\"", "\"country\": \"United States\""), "$.country"),
        new("malware-family-name", Break(Malware, "\"name\": \"Cryptolocker\", ", string.Empty), "$.name"),
        new("malware-analysis-product", Break(MalwareAnalysis, "\"microsoft-defender\"", "\"Microsoft Defender\""), "$.product"),
        new("observed-data-window", Break(ObservedData, "\"last_observed\": \"2015-12-21T19:00:00Z\"", "\"last_observed\": \"2015-12-21T18:59:59Z\""), "$.last_observed"),
        new("observed-data-sco-reference", Break(ObservedData, "\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\", ", string.Empty), "$.object_refs"),
        new("cve-reference", Break(Vulnerability, "\"external_id\": \"CVE-2016-1234\"", "\"external_id\": \"2016-1234\""), "$.external_references[0].external_id"),
        new("cve-reference", Break(Vulnerability, "\"source_name\": \"cve\"", "\"source_name\": \"nvd\""), "$.external_references[0].source_name"),
        new("relationship-type-format", Break(Relationship, "\"indicates\"", "\"Indicates\""), "$.relationship_type"),
        new("relationship-type-format", Break(Relationship, "\"indicates\"", "\"delivered_by\""), "$.relationship_type"),
        new("relationship-time-window", Break(Relationship, "\"stop_time\": \"2016-02-01T00:00:00Z\"", "\"stop_time\": \"2016-01-01T00:00:00Z\""), "$.stop_time"),
        new("sighting-window", Break(Sighting, "\"last_seen\": \"2015-12-21T19:00:00Z\"", "\"last_seen\": \"2015-12-20T19:00:00Z\""), "$.last_seen"),
        new("language-content-key", Break(LanguageContent, "\"zh-Hans\"", "\"chinese_simplified\""), "$.contents.chinese_simplified"),
        new("marking-definition-content", Break(StatementMarking, "{\"statement\": \"Copyright 2019, Example Corp\"}", "{\"tlp\": \"white\"}"), "$.definition"),
        new("marking-definition-content", Break(StatementMarking, "\"Copyright 2019, Example Corp\"", "2019"), "$.definition.statement"),
        new("marking-definition-content", Break(StatementMarking, "{\"statement\": \"Copyright 2019, Example Corp\"}", "\"Copyright 2019\""), "$.definition"),
        new("tlp-marking", Break(TlpWhite, "613f2e26-407d-48c7-9eca-b8e91df99dc9", "65645742-6336-4dae-975b-6b7212b8e4cf"), "$.id"),
        new("tlp-marking", Break(TlpWhite, "\"tlp\": \"white\"", "\"tlp\": \"clear\""), "$.definition.tlp"),
        new("tlp-marking", Break(TlpWhite, "\"TLP:WHITE\"", "\"TLP:GREEN\""), "$.name"),
        new("tlp-marking", Break(TlpWhite, "\"2017-01-20T00:00:00.000Z\"", "\"2018-01-20T00:00:00.000Z\""), "$.created"),
        new("tlp-marking", Break(StatementMarking, "65645742-6336-4dae-975b-6b7212b8e4cf", "613f2e26-407d-48c7-9eca-b8e91df99dc9"), "$.id"),
        new("extension-properties-usage", Break(ExtensionDefinition, "\"toplevel-property-extension\"", "\"property-extension\""), "$.extension_properties"),
        new("toplevel-extension-properties", Break(ExtensionDefinition, ", \"extension_properties\": [\"toxicity\", \"rank\"]", string.Empty), "$.extension_properties"),
    ];

    /// <summary>A stand-in for the STIX patterning library: stix patterns must be bracketed.</summary>
    private sealed class BracketPatternChecker : IPatternChecker
    {
        public bool Supports(string patternType) => patternType == "stix";

        public string? Check(string patternType, string pattern) =>
            pattern.StartsWith('[') && pattern.EndsWith(']') ? null : "a STIX pattern starts with '[' and ends with ']' (at position 0)";
    }
}
