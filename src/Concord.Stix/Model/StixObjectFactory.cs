// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Domain;
using Concord.Stix.Model.Meta;
using Concord.Stix.Model.Observables;
using Concord.Stix.Model.Relationships;

namespace Concord.Stix.Model;

/// <summary>Maps a type name to its typed view.</summary>
internal static class StixObjectFactory
{
    public static StixObject Create(string type, JsonElement json) => type switch
    {
        // Section 4: SDOs.
        AttackPattern.TypeName => new AttackPattern(json),
        Campaign.TypeName => new Campaign(json),
        CourseOfAction.TypeName => new CourseOfAction(json),
        Grouping.TypeName => new Grouping(json),
        Identity.TypeName => new Identity(json),
        Incident.TypeName => new Incident(json),
        Indicator.TypeName => new Indicator(json),
        Infrastructure.TypeName => new Infrastructure(json),
        IntrusionSet.TypeName => new IntrusionSet(json),
        Location.TypeName => new Location(json),
        Malware.TypeName => new Malware(json),
        MalwareAnalysis.TypeName => new MalwareAnalysis(json),
        Note.TypeName => new Note(json),
        ObservedData.TypeName => new ObservedData(json),
        Opinion.TypeName => new Opinion(json),
        Report.TypeName => new Report(json),
        ThreatActor.TypeName => new ThreatActor(json),
        Tool.TypeName => new Tool(json),
        Vulnerability.TypeName => new Vulnerability(json),

        // Section 5: SROs.
        Relationship.TypeName => new Relationship(json),
        Sighting.TypeName => new Sighting(json),

        // Section 6: SCOs. File, Directory, Mutex and Process are qualified: System.IO and System.Threading have types of those names.
        Artifact.TypeName => new Artifact(json),
        AutonomousSystem.TypeName => new AutonomousSystem(json),
        Observables.Directory.TypeName => new Observables.Directory(json),
        DomainName.TypeName => new DomainName(json),
        EmailAddress.TypeName => new EmailAddress(json),
        EmailMessage.TypeName => new EmailMessage(json),
        Observables.File.TypeName => new Observables.File(json),
        Ipv4Address.TypeName => new Ipv4Address(json),
        Ipv6Address.TypeName => new Ipv6Address(json),
        MacAddress.TypeName => new MacAddress(json),
        Observables.Mutex.TypeName => new Observables.Mutex(json),
        NetworkTraffic.TypeName => new NetworkTraffic(json),
        Observables.Process.TypeName => new Observables.Process(json),
        Software.TypeName => new Software(json),
        Url.TypeName => new Url(json),
        UserAccount.TypeName => new UserAccount(json),
        WindowsRegistryKey.TypeName => new WindowsRegistryKey(json),
        X509Certificate.TypeName => new X509Certificate(json),

        // Section 7: meta objects.
        LanguageContent.TypeName => new LanguageContent(json),
        MarkingDefinition.TypeName => new MarkingDefinition(json),
        ExtensionDefinition.TypeName => new ExtensionDefinition(json),

        // Custom objects (section 11.2) and types defined by extension-definitions (section 7.3).
        _ => new CustomObject(json),
    };
}
