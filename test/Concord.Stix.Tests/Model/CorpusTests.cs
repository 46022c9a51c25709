// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections;
using System.Reflection;
using System.Text.Json;
using Concord.Stix.Model;
using Concord.Stix.Model.Domain;
using Concord.Stix.Model.Meta;
using Concord.Stix.Model.Observables;
using Concord.Stix.Model.Relationships;
using Concord.Testing;

namespace Concord.Stix.Tests.Model;

/// <summary>Every object of the shared corpus (OASIS examples, MITRE ATT&amp;CK) through the model.</summary>
public sealed class CorpusTests
{
    // Written out here rather than taken from the factory, so that a wrong TypeName constant fails.
    private static readonly Dictionary<string, Type> ViewOf = new(StringComparer.Ordinal)
    {
        ["attack-pattern"] = typeof(AttackPattern),
        ["campaign"] = typeof(Campaign),
        ["course-of-action"] = typeof(CourseOfAction),
        ["grouping"] = typeof(Grouping),
        ["identity"] = typeof(Identity),
        ["incident"] = typeof(Incident),
        ["indicator"] = typeof(Indicator),
        ["infrastructure"] = typeof(Infrastructure),
        ["intrusion-set"] = typeof(IntrusionSet),
        ["location"] = typeof(Location),
        ["malware"] = typeof(Malware),
        ["malware-analysis"] = typeof(MalwareAnalysis),
        ["note"] = typeof(Note),
        ["observed-data"] = typeof(ObservedData),
        ["opinion"] = typeof(Opinion),
        ["report"] = typeof(Report),
        ["threat-actor"] = typeof(ThreatActor),
        ["tool"] = typeof(Tool),
        ["vulnerability"] = typeof(Vulnerability),
        ["relationship"] = typeof(Relationship),
        ["sighting"] = typeof(Sighting),
        ["artifact"] = typeof(Artifact),
        ["autonomous-system"] = typeof(AutonomousSystem),
        ["directory"] = typeof(Concord.Stix.Model.Observables.Directory),
        ["domain-name"] = typeof(DomainName),
        ["email-addr"] = typeof(EmailAddress),
        ["email-message"] = typeof(EmailMessage),
        ["file"] = typeof(Concord.Stix.Model.Observables.File),
        ["ipv4-addr"] = typeof(Ipv4Address),
        ["ipv6-addr"] = typeof(Ipv6Address),
        ["mac-addr"] = typeof(MacAddress),
        ["mutex"] = typeof(Concord.Stix.Model.Observables.Mutex),
        ["network-traffic"] = typeof(NetworkTraffic),
        ["process"] = typeof(Concord.Stix.Model.Observables.Process),
        ["software"] = typeof(Software),
        ["url"] = typeof(Url),
        ["user-account"] = typeof(UserAccount),
        ["windows-registry-key"] = typeof(WindowsRegistryKey),
        ["x509-certificate"] = typeof(X509Certificate),
        ["language-content"] = typeof(LanguageContent),
        ["marking-definition"] = typeof(MarkingDefinition),
        ["extension-definition"] = typeof(ExtensionDefinition),
    };

    public static TheoryData<string> Files => SharedData.BundleFileData;

    [Fact]
    public void The_expected_view_table_covers_every_type_of_sections_4_to_7()
    {
        Assert.Equal(19 + 2 + 18 + 3, ViewOf.Count);
    }

    [SharedDataFact]
    public void The_corpus_holds_the_OASIS_examples_and_both_ATTACK_bundles()
    {
        var files = SharedData.BundleFiles;
        Assert.Contains("stix-examples/apt1.json", files);
        Assert.Contains("attack/ics-attack-18.1.json", files);
        Assert.Contains("attack/mobile-attack-17.0.json", files);
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Every_object_of_the_file_maps_to_the_view_of_its_type(string file)
    {
        var bundle = new StixBundle(SharedData.Load(file));
        Assert.NotEmpty(bundle.Objects);
        foreach (var obj in bundle.Objects)
        {
            var expected = ViewOf.GetValueOrDefault(obj.Type, typeof(CustomObject));
            Assert.True(expected == obj.GetType(), $"{obj.Id} is a {obj.GetType().Name}, expected {expected.Name}.");
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Every_object_of_the_file_serializes_to_an_equal_JSON_value(string file)
    {
        var bundle = new StixBundle(SharedData.Load(file));
        foreach (var obj in bundle.Objects)
        {
            using var reparsed = JsonDocument.Parse(obj.ToJson());
            JsonDeepEquality.AssertEqual(obj.Json, reparsed.RootElement);
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void The_whole_bundle_serializes_to_an_equal_JSON_value(string file)
    {
        var original = SharedData.Load(file);
        using var reparsed = JsonDocument.Parse(new StixBundle(original).ToJson());
        JsonDeepEquality.AssertEqual(original, reparsed.RootElement);
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Every_versioned_object_of_the_file_has_readable_created_and_modified_timestamps(string file)
    {
        var bundle = new StixBundle(SharedData.Load(file));
        foreach (var obj in bundle.Objects.OfType<VersionedObject>())
        {
            Assert.True(obj.Created is not null && obj.Modified is not null, $"{obj.Id} lacks created or modified.");
            Assert.True(obj.Created <= obj.Modified, $"{obj.Id} was modified before it was created.");
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Every_public_accessor_of_every_object_of_the_file_reads_without_throwing(string file)
    {
        var bundle = new StixBundle(SharedData.Load(file));
        foreach (var obj in bundle.Objects)
        {
            ReadEverything(obj, depth: 0);
        }
    }

    // Reads every public property, then every embedded view reachable from it.
    private static void ReadEverything(object view, int depth)
    {
        Assert.True(depth < 8, "The views nest deeper than the specification's types do.");
        foreach (var property in view.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(view);
            switch (value)
            {
                case StixElement element:
                    ReadEverything(element, depth + 1);
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                    {
                        var inner = item is DictionaryEntry entry ? entry.Value : item;
                        if (inner?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                        {
                            inner = t.GetProperty("Value")!.GetValue(inner);
                        }

                        if (inner is StixElement nested)
                        {
                            ReadEverything(nested, depth + 1);
                        }
                    }

                    break;
            }
        }
    }
}
