// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Stix.Schema;
using Concord.Testing;
using Concord.Stix.Tests.Validation;
using Concord.Stix.Validation;

namespace Concord.Stix.Tests.Schema;

public sealed partial class DomainSchemaTests
{
    private static readonly StixValidator Validator = new();

    private static readonly string[] Sdos =
    [
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
        "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
        "threat-actor", "tool", "vulnerability",
    ];

    public static TheoryData<string> ValidObjects => [.. RuleCases.ValidObjects];

    public static TheoryData<string> DomainVocabularies => [.. DomainVocabularyList.Select(v => v.Name)];

    private static IEnumerable<Vocabulary> DomainVocabularyList =>
    [
        Vocabularies.AttackMotivation, Vocabularies.AttackResourceLevel, Vocabularies.GroupingContext, Vocabularies.IdentityClass,
        Vocabularies.ImplementationLanguage, Vocabularies.IndicatorType, Vocabularies.IndustrySector, Vocabularies.InfrastructureType,
        Vocabularies.MalwareCapabilities, Vocabularies.MalwareResult, Vocabularies.MalwareType, Vocabularies.Opinion,
        Vocabularies.PatternType, Vocabularies.ProcessorArchitecture, Vocabularies.Region, Vocabularies.ReportType,
        Vocabularies.ThreatActorType, Vocabularies.ThreatActorRole, Vocabularies.ThreatActorSophistication, Vocabularies.ToolType,
    ];

    [Fact]
    public void Every_sdo_of_section_4_has_a_schema()
    {
        Assert.All(Sdos, type =>
        {
            var schema = StixSchemas.Find(type);
            Assert.NotNull(schema);
            Assert.Equal(ObjectCategory.Domain, schema.Category);
            Assert.StartsWith("4.", schema.Section, StringComparison.Ordinal);
        });
        Assert.Equal(Sdos.Order(StringComparer.Ordinal), StixSchemas.All.Where(s => s.Category == ObjectCategory.Domain).Select(s => s.TypeName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Relationship_and_sighting_are_the_sros_of_section_5()
    {
        Assert.Equal(["relationship", "sighting"], StixSchemas.All.Where(s => s.Category == ObjectCategory.Relationship).Select(s => s.TypeName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Language_content_marking_definition_and_extension_definition_are_the_meta_objects_of_section_7()
    {
        Assert.Equal(
            ["extension-definition", "language-content", "marking-definition"],
            StixSchemas.All.Where(s => s.Category == ObjectCategory.Meta).Select(s => s.TypeName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sdos_and_sros_have_the_common_properties_of_section_3_2_and_no_defanged()
    {
        string[] common = ["type", "spec_version", "id", "created_by_ref", "created", "modified", "revoked", "labels", "confidence", "lang", "external_references", "object_marking_refs", "granular_markings", "extensions"];
        foreach (var schema in StixSchemas.All.Where(s => s.Category is ObjectCategory.Domain or ObjectCategory.Relationship))
        {
            Assert.All(common, name => Assert.True(schema.TryGetProperty(name, out _), $"{schema.TypeName} lacks {name}"));
            Assert.False(schema.TryGetProperty("defanged", out _));
        }
    }

    [Fact]
    public void Meta_objects_follow_their_common_property_tables()
    {
        var languageContent = StixSchemas.Find("language-content")!;
        Assert.Contains("modified", languageContent.RequiredProperties);
        Assert.False(languageContent.TryGetProperty("lang", out _));

        var marking = StixSchemas.Find("marking-definition")!;
        Assert.DoesNotContain("modified", marking.Properties.Keys);
        Assert.DoesNotContain("revoked", marking.Properties.Keys);
        Assert.True(marking.Properties["definition_type"].Deprecated);
        Assert.True(marking.Properties["definition"].Deprecated);

        var extension = StixSchemas.Find("extension-definition")!;
        Assert.Contains("created_by_ref", extension.RequiredProperties);
        Assert.Contains("modified", extension.RequiredProperties);
        Assert.DoesNotContain("extensions", extension.Properties.Keys);
        Assert.DoesNotContain("confidence", extension.Properties.Keys);
    }

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public void The_valid_objects_of_the_rule_cases_have_no_findings_but_the_unchecked_pattern(string json)
    {
        var report = Validate(json);
        Assert.DoesNotContain(report.Findings, f => !IsExpectedWarning(f));
    }

    [Fact]
    public void Each_object_rule_case_breaks_nothing_but_its_rule()
    {
        var ownRules = RuleCases.All.Where(c => StixRules.Find(c.RuleId)!.Section[0] is '4' or '5' or '7').ToList();
        Assert.NotEmpty(ownRules);
        Assert.All(ownRules, c =>
        {
            using var document = JsonDocument.Parse(c.Json);
            var report = new StixValidator(c.Options ?? StixValidatorOptions.Default).Validate(document.RootElement);
            Assert.All(report.Findings.Where(f => !IsExpectedWarning(f)), f => Assert.Equal(c.RuleId, f.Rule.Id));
        });
    }

    [Fact]
    public void Indicator_without_pattern_is_invalid()
    {
        var report = Validate(Regex.Replace(RuleCases.Indicator, "\"pattern\": \"[^\"]*\",", string.Empty));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.RequiredProperty && f.Path == "$.pattern");
    }

    [Fact]
    public void Indicator_pattern_is_checked_by_the_configured_checker()
    {
        var valid = Validate(RuleCases.Indicator, RuleCases.WithBracketChecker);
        Assert.Empty(valid.Findings);

        var unsupported = Validate(RuleCases.Indicator.Replace("\"stix\"", "\"snort\"", StringComparison.Ordinal), RuleCases.WithBracketChecker);
        Assert.True(unsupported.IsValid);
        Assert.Contains(unsupported.Warnings, f => f.Rule == StixRules.PatternNotChecked && f.Path == "$.pattern");
    }

    [Fact]
    public void Indicator_valid_until_equal_to_valid_from_is_invalid()
    {
        var report = Validate(RuleCases.Indicator.Replace("2017-01-01T00:00:00Z", "2016-01-01T00:00:00Z", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.IndicatorValidity);
    }

    [Fact]
    public void Campaign_last_seen_equal_to_first_seen_is_valid()
    {
        Assert.True(Validate(RuleCases.Campaign).IsValid);
    }

    [Fact]
    public void Observed_data_with_both_objects_and_object_refs_is_invalid()
    {
        var json = RuleCases.ObservedData.TrimEnd()[..^1] + ", \"objects\": {\"0\": {\"type\": \"ipv4-addr\", \"value\": \"198.51.100.3\"}}}";
        var report = Validate(json);
        Assert.Contains(report.Errors, f => f.Rule == StixRules.MutuallyExclusive);
    }

    [Fact]
    public void Observed_data_with_neither_objects_nor_object_refs_is_invalid()
    {
        var json = Regex.Replace(RuleCases.ObservedData, ",\\s*\"object_refs\": \\[[^\\]]*\\]", string.Empty);
        var report = Validate(json);
        Assert.Contains(report.Errors, f => f.Rule == StixRules.AtLeastOneOf);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000000000")]
    public void Observed_data_number_observed_outside_1_to_999999999_is_invalid(string number)
    {
        var report = Validate(RuleCases.ObservedData.Replace("\"number_observed\": 50", $"\"number_observed\": {number}", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ValueRange && f.Path == "$.number_observed");
    }

    [Fact]
    public void Observed_data_referring_to_an_sdo_is_invalid()
    {
        var report = Validate(RuleCases.ObservedData.Replace("relationship--20a5c403", "indicator--20a5c403", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ReferenceType && f.Path == "$.object_refs[1]");
    }

    [Fact]
    public void Location_with_only_a_city_is_invalid()
    {
        var json = $$"""
            {"type": "location", "spec_version": "2.1", "id": "location--5769cdde-494b-4fbe-9bcd-af61c0f519ad",
             "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "city": "Paris"}
            """;
        Assert.Contains(Validate(json).Errors, f => f.Rule == StixRules.AtLeastOneOf);
    }

    [Fact]
    public void Location_with_latitude_but_no_longitude_is_invalid()
    {
        var report = Validate(RuleCases.Location.Replace(", \"longitude\": 2.3522", string.Empty, StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.PropertyDependency);
    }

    [Fact]
    public void Location_with_precision_but_no_coordinates_is_invalid()
    {
        var report = Validate(RuleCases.Location.Replace("\"latitude\": 48.8566, \"longitude\": 2.3522, ", string.Empty, StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.PropertyDependency);
    }

    [Theory]
    [InlineData("\"latitude\": 48.8566", "\"latitude\": 90.5", "$.latitude")]
    [InlineData("\"longitude\": 2.3522", "\"longitude\": -180.1", "$.longitude")]
    public void Location_coordinates_out_of_range_are_invalid(string property, string replacement, string path)
    {
        var report = Validate(RuleCases.Location.Replace(property, replacement, StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ValueRange && f.Path == path);
    }

    [Fact]
    public void Malware_analysis_without_result_or_analysis_sco_refs_is_invalid()
    {
        var report = Validate(RuleCases.MalwareAnalysis.Replace(", \"result\": \"malicious\"", string.Empty, StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.AtLeastOneOf);
    }

    [Fact]
    public void Malware_instance_without_name_is_valid()
    {
        var report = Validate(RuleCases.Malware.Replace("\"name\": \"Cryptolocker\", \"is_family\": true", "\"is_family\": false", StringComparison.Ordinal));
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Errors));
    }

    [Fact]
    public void Malware_sample_refs_pointing_to_an_sdo_are_invalid()
    {
        var report = Validate(RuleCases.Malware.TrimEnd()[..^1] + ", \"sample_refs\": [\"indicator--0a641ea1-8ede-445c-9ce0-25c17d1de52d\"]}");
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ReferenceType && f.Path == "$.sample_refs[0]");
    }

    [Fact]
    public void Opinion_outside_the_opinion_enumeration_is_invalid()
    {
        var json = """
            {"type": "opinion", "spec_version": "2.1", "id": "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7", "created": "2016-05-12T08:17:27.000Z",
             "modified": "2016-05-12T08:17:27.000Z", "opinion": "strongly-agreed", "object_refs": ["x-acme-widget--311b2d2d-f010-4473-83ec-1edf84858f4c"]}
            """;
        var report = Validate(json);
        Assert.Contains(report.Errors, f => f.Rule == StixRules.EnumValue && f.Path == "$.opinion");
        Assert.Single(report.Errors);
    }

    [Fact]
    public void Sighting_of_a_relationship_is_invalid()
    {
        var report = Validate(RuleCases.Sighting.Replace("\"sighting_of_ref\": \"indicator--", "\"sighting_of_ref\": \"relationship--", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ReferenceType && f.Path == "$.sighting_of_ref");
    }

    [Fact]
    public void Sighting_seen_where_a_malware_is_is_invalid()
    {
        var report = Validate(RuleCases.Sighting.Replace("\"location--5769cdde", "\"malware--5769cdde", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ReferenceType && f.Path == "$.where_sighted_refs[1]");
    }

    [Fact]
    public void Sighting_count_above_999999999_is_invalid()
    {
        var report = Validate(RuleCases.Sighting.Replace("\"count\": 0", "\"count\": 1000000000", StringComparison.Ordinal));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.ValueRange && f.Path == "$.count");
    }

    [Theory]
    [InlineData("source_ref", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")]
    [InlineData("target_ref", "relationship--20a5c403-0741-4ed6-bd46-ef64f10f1eb5")]
    [InlineData("target_ref", "language-content--7ba66fbf-1ff0-4745-933b-fc59a6f2115e")]
    public void Relationship_to_an_sro_or_meta_object_is_invalid(string property, string reference)
    {
        var json = Regex.Replace(RuleCases.Relationship, $"\"{property}\": \"[^\"]*\"", $"\"{property}\": \"{reference}\"");
        Assert.Contains(Validate(json).Errors, f => f.Rule == StixRules.ReferenceType && f.Path == "$." + property);
    }

    [Fact]
    public void Relationship_between_custom_objects_is_valid()
    {
        var json = RuleCases.Relationship
            .Replace("indicator--0a641ea1", "x-mitre-data-component--0a641ea1", StringComparison.Ordinal)
            .Replace("\"indicates\"", "\"detects\"", StringComparison.Ordinal);
        Assert.True(Validate(json).IsValid);
    }

    [Fact]
    public void Marking_definition_without_extensions_needs_definition_type_and_definition()
    {
        var json = """
            {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--65645742-6336-4dae-975b-6b7212b8e4cf",
             "created": "2016-08-01T00:00:00.000Z", "name": "Nameless"}
            """;
        var report = Validate(json);
        Assert.Contains(report.Errors, f => f.Rule == StixRules.RequiredProperty && f.Path == "$.definition_type");
        Assert.Contains(report.Errors, f => f.Rule == StixRules.RequiredProperty && f.Path == "$.definition");
    }

    [Fact]
    public void Statement_marking_definition_is_valid_with_deprecation_warnings()
    {
        var report = Validate(RuleCases.StatementMarking);
        Assert.True(report.IsValid);
        Assert.All(report.Warnings, f => Assert.Equal(StixRules.DeprecatedProperty, f.Rule));
    }

    [Fact]
    public void Tlp_2_0_marking_definition_with_its_extension_is_valid()
    {
        var json = """
            {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
             "created": "2022-10-01T00:00:00.000Z", "name": "TLP:CLEAR",
             "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {"extension_type": "property-extension", "tlp_2_0": "clear"}}}
            """;
        var report = Validate(json);
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Errors));
    }

    [Theory]
    [InlineData("white", "613f2e26-407d-48c7-9eca-b8e91df99dc9")]
    [InlineData("green", "34098fce-860f-48ae-8e50-ebd3cc5e41da")]
    [InlineData("amber", "f88d31f6-486f-44da-b317-01333bde0b82")]
    [InlineData("red", "5e57c739-391a-4eb3-b6be-7d15ca92d5ed")]
    public void The_standard_tlp_marking_definitions_are_valid(string level, string uuid)
    {
        var json = $$"""
            {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--{{uuid}}", "created": "2017-01-20T00:00:00.000Z",
             "definition_type": "tlp", "name": "TLP:{{level.ToUpperInvariant()}}", "definition": {"tlp": "{{level}}"} }
            """;
        Assert.True(Validate(json).IsValid);
    }

    [Fact]
    public void Extension_definition_without_created_by_ref_is_invalid()
    {
        var report = Validate(Regex.Replace(RuleCases.ExtensionDefinition, "\"created_by_ref\": \"[^\"]*\",", string.Empty));
        Assert.Contains(report.Errors, f => f.Rule == StixRules.RequiredProperty && f.Path == "$.created_by_ref");
    }

    [Fact]
    public void Course_of_action_with_the_reserved_action_property_is_invalid()
    {
        var report = Validate(RuleCases.CourseOfAction.TrimEnd()[..^1] + ", \"action\": {\"steps\": 1}}");
        Assert.Contains(report.Errors, f => f.Rule == StixRules.CourseOfActionAction && f.Path == "$.action");
    }

    [SharedDataTheory]
    [MemberData(nameof(DomainVocabularies))]
    public void Each_domain_vocabulary_holds_exactly_the_terms_of_its_section_10_table(string name)
    {
        var vocabulary = DomainVocabularyList.Single(v => v.Name == name);
        var spec = File.ReadAllText(SharedData.PathOf("specs", "stix-v2.1.md"));
        var heading = Regex.Match(spec, $@"^## {Regex.Escape(vocabulary.Section)}\.? .*$", RegexOptions.Multiline);
        Assert.True(heading.Success, $"no heading for section {vocabulary.Section}");
        var next = spec.IndexOf("\n## ", heading.Index + heading.Length, StringComparison.Ordinal);
        var section = spec[heading.Index..(next < 0 ? spec.Length : next)];
        Assert.Contains(name, section, StringComparison.Ordinal);

        var terms = ValueRow().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(terms.Order(StringComparer.Ordinal), vocabulary.Values.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The examples that contradict the specification's own property tables, as (object id, rule,
    /// path). The report bundle of section 4.16 has an indicator without the required pattern_type
    /// (section 4.7.1): the normative table wins over the informative example.
    /// </summary>
    private static readonly HashSet<(string Id, string Rule, string Path)> DefectiveExamples =
    [
        ("indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2", "required-property", "$.pattern_type"),
    ];

    public static TheoryData<string> SpecifiedTypes => [.. Sdos, "relationship", "sighting", "language-content", "marking-definition", "extension-definition"];

    [SharedDataTheory]
    [MemberData(nameof(SpecifiedTypes))]
    public void Each_schema_matches_the_property_table_of_its_section(string type)
    {
        var schema = StixSchemas.Find(type)!;
        var spec = File.ReadAllText(SharedData.PathOf("specs", "stix-v2.1.md"));
        var heading = Regex.Match(spec, $@"^##+ {Regex.Escape(schema.Section)} ", RegexOptions.Multiline);
        Assert.True(heading.Success, $"no heading for section {schema.Section}");
        var table = PropertyTable().Match(spec, heading.Index);
        Assert.True(table.Success);

        var rows = PropertyRow().Matches(table.Value).Select(m => (Name: m.Groups[1].Value, Presence: m.Groups[2].Value, Type: System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[3].Value, "<[^>]+>", string.Empty)).Trim())).ToList();
        Assert.NotEmpty(rows);
        foreach (var (name, presence, typeText) in rows)
        {
            Assert.True(schema.TryGetProperty(name, out var property), $"{type} lacks {name}");
            Assert.Equal(presence == "required", property.Required);
            Assert.Equal(presence.Contains("deprecated", StringComparison.Ordinal), property.Deprecated);
            var expected = (type, name) switch
            {
                // The table says string; its default (false), the spec's own example and the OASIS schema say boolean.
                ("sighting", "summary") => typeof(BooleanType),
                _ => TypeOfTableEntry(typeText),
            };
            Assert.True(expected == property.Type.GetType(), $"{type}.{name}: the table says '{typeText}', the schema has {property.Type.GetType().Name}");
            if (property.Type is ListType list)
            {
                var item = typeText["list of type ".Length..];
                Assert.True(TypeOfTableEntry(item) == list.Item.GetType(), $"{type}.{name}: the table says '{typeText}', the schema has a list of {list.Item.GetType().Name}");
            }
        }

        string[] common = ["type", "spec_version", "id", "created_by_ref", "created", "modified", "revoked", "labels", "confidence", "lang", "external_references", "object_marking_refs", "granular_markings", "extensions"];
        var specific = schema.Properties.Keys.Except(common).Order(StringComparer.Ordinal);
        Assert.Equal(specific, rows.Select(r => r.Name).Except(common).Order(StringComparer.Ordinal));
    }

    private static Type TypeOfTableEntry(string typeText) => typeText switch
    {
        "string" => typeof(StringType),
        "boolean" => typeof(BooleanType),
        "integer" => typeof(IntegerType),
        "float" => typeof(FloatType),
        "timestamp" => typeof(TimestampType),
        "identifier" => typeof(IdentifierType),
        "open-vocab" => typeof(OpenVocabType),
        "enum" => typeof(EnumType),
        "dictionary" => typeof(DictionaryType),
        "observable-container" => typeof(ObservableContainerType),
        "kill-chain-phase" or "external-reference" => typeof(EmbeddedType),
        "RESERVED" or "<marking object>" => typeof(AnyType),
        _ when typeText.StartsWith("list of type ", StringComparison.Ordinal) => typeof(ListType),
        _ => throw new ArgumentException($"unknown table type '{typeText}'", nameof(typeText)),
    };

    [SharedDataFact]
    public void Every_spec_example_object_of_sections_4_5_and_7_validates_without_errors()
    {
        var spec = File.ReadAllText(SharedData.PathOf("specs", "stix-v2.1.md"));
        var examples = 0;
        var failures = new List<string>();
        var defects = new HashSet<(string, string, string)>();
        foreach (var (line, json) in ExampleBlocks(spec))
        {
            foreach (var element in CompleteObjects(json))
            {
                examples++;
                foreach (var error in Validator.ValidateObject(element).Errors)
                {
                    var key = (error.ObjectId ?? string.Empty, error.Rule.Id, error.Path);
                    if (DefectiveExamples.Contains(key))
                    {
                        defects.Add(key);
                    }
                    else
                    {
                        failures.Add($"spec line {line}: {error}");
                    }
                }
            }
        }

        Assert.True(examples >= 50, $"only {examples} example objects found (the specification has 55 in parseable blocks)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(DefectiveExamples.Order(), defects.Order());
    }

    /// <summary>The JSON example blocks (fenced or in the TLP table) of sections 4, 5 and 7, with their line numbers.</summary>
    private static IEnumerable<(int Line, string Json)> ExampleBlocks(string spec)
    {
        var sections = TopSection().Matches(spec).Select(m => (m.Index, Number: m.Groups[1].Value)).ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Number is not ("4" or "5" or "7"))
            {
                continue;
            }

            var start = sections[i].Index;
            var end = i + 1 < sections.Count ? sections[i + 1].Index : spec.Length;
            foreach (Match block in ExampleBlock().Matches(spec, start))
            {
                if (block.Index >= end)
                {
                    break;
                }

                var json = block.Groups["fenced"].Success ? block.Groups["fenced"].Value : System.Net.WebUtility.HtmlDecode(block.Groups["code"].Value);
                yield return (spec.AsSpan(0, block.Index).Count('\n') + 1, json);
            }
        }
    }

    /// <summary>The complete objects (with a type) of a block: the block itself, or the items of a list or bundle.</summary>
    private static List<JsonElement> CompleteObjects(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return [];
        }

        IEnumerable<JsonElement> candidates = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when root.TryGetProperty("type", out var type) && type.ValueEquals("bundle") && root.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array => objects.EnumerateArray(),
            _ => [root],
        };
        return [.. candidates.Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)];
    }

    /// <summary>The warnings the valid objects carry by design: an unchecked pattern, a deprecated TLP 1.0/statement definition.</summary>
    private static bool IsExpectedWarning(Finding finding) =>
        finding.Rule == StixRules.PatternNotChecked
        || (finding.Rule == StixRules.DeprecatedProperty && finding.Path is "$.definition_type" or "$.definition");

    private static ValidationReport Validate(string json, StixValidatorOptions? options = null)
    {
        using var document = JsonDocument.Parse(json);
        return (options is null ? Validator : new StixValidator(options)).Validate(document.RootElement.Clone());
    }

    [GeneratedRegex(@"<table[^>]*>(?:(?!</table>).)*?Property Name.*?</table>", RegexOptions.Singleline)]
    private static partial Regex PropertyTable();

    [GeneratedRegex(@"<tr>\s*<td><strong>([a-z0-9_]+)</strong> \(([^)]*)\)</td>\s*<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex PropertyRow();

    [GeneratedRegex(@"^# (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex TopSection();

    [GeneratedRegex(@"```json\s*\n(?<fenced>.*?)```|<code class=""language-JSON"">(?<code>.*?)</code>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"<tr>\s*<td[^>]*>(?:<span[^>]*>)?<span class=[""']stixliteral[""']>([^<]+)</span>")]
    private static partial Regex ValueRow();
}
