// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model;
using Concord.Stix.Model.Domain;
using Concord.Stix.Model.Meta;
using Concord.Stix.Model.Observables;
using Concord.Stix.Model.Relationships;
using Concord.Testing;

namespace Concord.Stix.Tests.Model;

/// <summary>Typed accessors return the values written in the corpus files.</summary>
public sealed class CorpusSpotCheckTests
{
    [SharedDataFact]
    public void An_indicator_exposes_its_pattern_and_validity()
    {
        var indicator = Find<Indicator>("stix-examples/indicator-for-malicious-url.json", "indicator--d81f86b9-975b-4c0b-875e-810c5ad45a4f");

        Assert.Equal("Malicious site hosting downloader", indicator.Name);
        Assert.Equal("[url:value = 'http://x4z9arb.cn/4712/']", indicator.Pattern);
        Assert.Equal("stix", indicator.PatternType);
        Assert.Null(indicator.PatternVersion);
        Assert.Equal("2014-06-29T13:49:37.079Z", indicator.ValidFrom?.Text);
        Assert.Null(indicator.ValidUntil);
        Assert.Equal(["malicious-activity"], indicator.IndicatorTypes);
        Assert.Equal("2.1", indicator.SpecVersion);
    }

    [SharedDataFact]
    public void A_malware_exposes_its_family_flag_types_and_kill_chain_phases()
    {
        var malware = Find<Malware>("stix-examples/indicator-for-malicious-url.json", "malware--162d917e-766f-4611-b5d6-652791454fca");

        Assert.False(malware.IsFamily);
        Assert.Equal(["backdoor", "remote-access-trojan"], malware.MalwareTypes);
        var phase = Assert.Single(malware.KillChainPhases);
        Assert.Equal("mandiant-attack-lifecycle-model", phase.KillChainName);
        Assert.Equal("establish-foothold", phase.PhaseName);
    }

    [SharedDataFact]
    public void A_relationship_exposes_its_type_and_both_ends()
    {
        var relationship = Find<Relationship>("stix-examples/indicator-for-malicious-url.json", "relationship--864af2ea-46f9-4d23-b3a2-1c2adf81c265");

        Assert.Equal("indicates", relationship.RelationshipType);
        Assert.Equal("indicator--d81f86b9-975b-4c0b-875e-810c5ad45a4f", relationship.SourceRef);
        Assert.Equal("malware--162d917e-766f-4611-b5d6-652791454fca", relationship.TargetRef);
    }

    [SharedDataFact]
    public void A_sighting_exposes_what_was_seen_where_and_how_often()
    {
        var sighting = Find<Sighting>("stix-examples/sighting-of-an-indicator.json", "sighting--8356e820-8080-4692-aa91-ecbe94006833");

        Assert.Equal(1, sighting.Count);
        Assert.Equal("indicator--9299f726-ce06-492e-8472-2b52ccb53191", sighting.SightingOfRef);
        Assert.Equal(["identity--5206ba14-478f-4b0b-9a48-395f690c20a2"], sighting.WhereSightedRefs);
        Assert.Empty(sighting.ObservedDataRefs);
        Assert.True(sighting.FirstSeen < sighting.LastSeen);
        Assert.Equal("identity--5206ba14-478f-4b0b-9a48-395f690c20a2", sighting.CreatedByRef);
    }

    [SharedDataFact]
    public void An_identity_exposes_its_class_sectors_roles_and_contact()
    {
        var identity = Find<Identity>("stix-examples/sighting-of-an-indicator.json", "identity--39012926-a052-44c4-ae48-caaf4a10ee6e");

        Assert.Equal("Alpha Threat Analysis Org.", identity.Name);
        Assert.Equal("organization", identity.IdentityClass);
        Assert.Equal(["technology"], identity.Sectors);
        Assert.Equal(["Cyber Security"], identity.Roles);
        Assert.Equal("info@alpha.org", identity.ContactInformation);
    }

    [SharedDataFact]
    public void A_TLP_1_marking_definition_is_recognised_by_its_id_and_exposes_its_definition()
    {
        var marking = Find<MarkingDefinition>("stix-examples/using-marking-definitions.json", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82");

        Assert.Equal(TlpLevel.Amber, marking.TlpLevel);
        Assert.Equal("tlp", marking.DefinitionType);
        Assert.Equal("amber", marking.TlpDefinition?.Tlp);
        Assert.Null(marking.StatementDefinition);
        Assert.Equal("TLP:AMBER", marking.Name);
        Assert.Equal("2017-01-20T00:00:00.000Z", marking.Created?.Text);
    }

    [SharedDataFact]
    public void A_statement_marking_definition_exposes_its_statement_and_no_TLP_level()
    {
        var marking = Find<MarkingDefinition>("stix-examples/using-marking-definitions.json", "marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f");

        Assert.Equal("Copyright (c) Stark Industries 2017.", marking.StatementDefinition?.Statement);
        Assert.Null(marking.TlpDefinition);
        Assert.Null(marking.TlpLevel);
    }

    [SharedDataFact]
    public void Granular_markings_expose_their_marking_and_selectors()
    {
        var indicator = Find<Indicator>("stix-examples/using-granular-markings.json", "indicator--1ed8caa7-a708-4706-b651-f1186ede6ca1");

        Assert.Equal(3, indicator.GranularMarkings.Count);
        Assert.Equal(TlpMarkings.Tlp1RedId, indicator.GranularMarkings[0].MarkingRef);
        Assert.Equal(["description"], indicator.GranularMarkings[0].Selectors);
        Assert.Equal(["indicator_types.[1]"], indicator.GranularMarkings[1].Selectors);
    }

    [SharedDataFact]
    public void A_threat_actor_exposes_its_types_aliases_roles_and_motivation()
    {
        var actor = Find<ThreatActor>("stix-examples/using-granular-markings.json", "threat-actor--8b6297fe-cae7-47c6-9256-5584b417849c");

        Assert.Equal(["terrorist", "criminal"], actor.ThreatActorTypes);
        Assert.Equal(["Joe Kerr", "The Clown Prince of Crime"], actor.Aliases);
        Assert.Equal(["director"], actor.Roles);
        Assert.Equal("team", actor.ResourceLevel);
        Assert.Equal("personal-satisfaction", actor.PrimaryMotivation);
        Assert.Equal(TlpLevel.Red, TlpMarkings.MostRestrictive(actor.ObjectMarkingRefs));
    }

    [SharedDataFact]
    public void Observables_and_the_observed_data_referencing_them_expose_their_properties()
    {
        const string FileName = "stix-examples/sighting-of-observed-data.json";
        var file = Find<Concord.Stix.Model.Observables.File>(FileName, "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d");
        var key = Find<WindowsRegistryKey>(FileName, "windows-registry-key--16b80d14-d574-5620-abad-10ff304b1c26");
        var observed = Find<ObservedData>(FileName, "observed-data--cf8eaa41-6f4c-482e-89b9-9cd2d6a83cb1");

        Assert.Equal("1717b7fff97d37a1e1a0029d83492de1", file.Hashes["MD5"]);
        Assert.Equal("c79a326f8411e9488bdc3779753e1e3489aaedea", file.Hashes["SHA-1"]);
        Assert.Equal(83968, file.Size);
        Assert.Equal("resume.pdf", file.Name);
        Assert.Null(file.Defanged);
        Assert.Null(file.ArchiveExtension);
        Assert.Equal(@"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet001\Services\WSALG2", key.Key);
        Assert.Equal(1, observed.NumberObserved);
        Assert.Equal([file.Id], observed.ObjectRefs);
        Assert.Empty(observed.Objects);
    }

    [SharedDataFact]
    public void A_report_keeps_the_precision_of_its_published_timestamp()
    {
        var report = Find<Report>("stix-examples/apt1.json", "report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf");

        Assert.Equal("2013-02-19T00:00:00.000000Z", report.Published?.Text);
        Assert.Equal(6, report.Published?.FractionDigits);
        Assert.Equal(["threat-report", "threat-actor"], report.ReportTypes);
        Assert.NotEmpty(report.ObjectRefs);
    }

    [SharedDataFact]
    public void An_ATTACK_technique_exposes_its_external_id_revocation_and_marking()
    {
        var technique = Find<AttackPattern>("attack/ics-attack-18.1.json", "attack-pattern--008b8f56-6107-48be-aa9f-746f927dbb61");

        Assert.Equal("Block Command Message", technique.Name);
        Assert.False(technique.Revoked);
        Assert.Equal("identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5", technique.CreatedByRef);
        var reference = technique.ExternalReferences[0];
        Assert.Equal("mitre-attack", reference.SourceName);
        Assert.Equal("T0803", reference.ExternalId);
        Assert.Equal("https://attack.mitre.org/techniques/T0803", reference.Url);
        Assert.Equal(["marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"], technique.ObjectMarkingRefs);
        Assert.Null(TlpMarkings.MostRestrictive(technique.ObjectMarkingRefs));
    }

    [SharedDataFact]
    public void An_ATTACK_custom_object_keeps_its_custom_properties()
    {
        var tactic = Find<CustomObject>("attack/ics-attack-18.1.json", "x-mitre-tactic--298fe907-7931-4fd2-8131-2814dd493134");

        Assert.Equal("x-mitre-tactic", tactic.Type);
        Assert.True(tactic.TryGetProperty("x_mitre_shortname", out var shortName));
        Assert.Equal("inhibit-response-function", shortName.GetString());
    }

    private static T Find<T>(string file, string id)
        where T : StixObject
    {
        var bundle = new StixBundle(SharedData.Load(file));
        var match = Assert.Single(bundle.Objects, o => o.Id == id);
        return Assert.IsType<T>(match);
    }
}
