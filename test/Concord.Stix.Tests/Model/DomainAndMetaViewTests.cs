// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model;
using Concord.Stix.Model.Domain;
using Concord.Stix.Model.Meta;
using static Concord.Stix.Tests.Model.ViewTestSupport;
using StixFile = Concord.Stix.Model.Observables.File;

namespace Concord.Stix.Tests.Model;

/// <summary>SDOs not covered by the corpus, meta objects, and accessors over malformed content.</summary>
public sealed class DomainAndMetaViewTests
{
    [Fact]
    public void A_location_exposes_its_coordinates_as_floats()
    {
        var location = Parse<Location>("""
            {"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z",
             "latitude":48.8566,"longitude":2.3522,"precision":1000.0,"region":"western-europe","country":"fr","city":"Paris","lang":"fr","confidence":80}
            """);

        Assert.Equal(48.8566, location.Latitude);
        Assert.Equal(2.3522, location.Longitude);
        Assert.Equal(1000.0, location.Precision);
        Assert.Equal("western-europe", location.Region);
        Assert.Equal("Paris", location.City);
        Assert.Equal("fr", location.Lang);
        Assert.Equal(80, location.Confidence);
    }

    [Fact]
    public void A_malware_analysis_exposes_its_result_and_references()
    {
        var analysis = Parse<MalwareAnalysis>("""
            {"type":"malware-analysis","spec_version":"2.1","id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c","created":"2016-11-24T14:46:02.000Z","modified":"2016-11-24T14:46:02.000Z",
             "product":"microsoft","analysis_engine_version":"5.1.0","analysis_started":"2016-11-24T14:46:02Z","result":"malicious",
             "analysis_sco_refs":["file--9ae5ec40-2ec3-5e9c-8a2e-e8ab4ee0f4f2"],"sample_ref":"file--9ae5ec40-2ec3-5e9c-8a2e-e8ab4ee0f4f2","modules":["a","b"]}
            """);

        Assert.Equal("microsoft", analysis.Product);
        Assert.Equal("malicious", analysis.Result);
        Assert.Equal("5.1.0", analysis.AnalysisEngineVersion);
        Assert.Equal(["a", "b"], analysis.Modules);
        Assert.Equal(analysis.SampleRef, Assert.Single(analysis.AnalysisScoRefs));
    }

    [Fact]
    public void Notes_opinions_and_groupings_expose_the_objects_they_are_about()
    {
        const string Common = "\"spec_version\":\"2.1\",\"created\":\"2016-05-12T08:17:27.000Z\",\"modified\":\"2016-05-12T08:17:27.000Z\",\"object_refs\":[\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"]";
        var note = Parse<Note>($$"""{"type":"note","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",{{Common}},"abstract":"Tracking","content":"This note...","authors":["John Doe"]}""");
        var opinion = Parse<Opinion>($$"""{"type":"opinion","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",{{Common}},"opinion":"strongly-disagree","explanation":"Not the same."}""");
        var grouping = Parse<Grouping>($$"""{"type":"grouping","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",{{Common}},"name":"Suspicious","context":"suspicious-activity"}""");

        Assert.Equal(("Tracking", "This note..."), (note.Abstract, note.Content));
        Assert.Equal(["John Doe"], note.Authors);
        Assert.Equal("strongly-disagree", opinion.OpinionValue);
        Assert.Equal("Not the same.", opinion.Explanation);
        Assert.Equal("suspicious-activity", grouping.Context);
        Assert.All([note.ObjectRefs, opinion.ObjectRefs, grouping.ObjectRefs], refs => Assert.Equal(["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"], refs));
    }

    [Fact]
    public void Observed_data_with_the_deprecated_container_exposes_typed_views_by_index()
    {
        var observed = Parse<ObservedData>("""
            {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf","created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
             "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,
             "objects":{"0":{"type":"file","name":"foo.exe","parent_directory_ref":"1"},"1":{"type":"directory","path":"C:\\tmp"}}}
            """);

        Assert.Equal(50, observed.NumberObserved);
        Assert.Equal("foo.exe", Assert.IsType<StixFile>(observed.Objects["0"]).Name);
        Assert.Equal(@"C:\tmp", Assert.IsType<Concord.Stix.Model.Observables.Directory>(observed.Objects["1"]).Path);
        Assert.Empty(observed.ObjectRefs);
    }

    [Fact]
    public void A_language_content_exposes_its_target_and_translations()
    {
        var content = Parse<LanguageContent>("""
            {"type":"language-content","spec_version":"2.1","id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d","created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z",
             "object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094","object_modified":"2017-02-08T21:31:22.007Z",
             "contents":{"de":{"name":"Bank Angriff 1"},"fr":{"name":"Attaque Bank 1"}}}
            """);

        Assert.Equal("campaign--12a111f0-b824-4baf-a224-83b80237a094", content.ObjectRef);
        Assert.Equal(content.Modified, content.ObjectModified);
        Assert.Equal("Attaque Bank 1", content.Contents["fr"].GetProperty("name").GetString());
    }

    [Fact]
    public void An_extension_definition_exposes_its_schema_version_and_types()
    {
        var definition = Parse<ExtensionDefinition>("""
            {"type":"extension-definition","spec_version":"2.1","id":"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e","created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",
             "created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z","name":"Extension Foo Bar","schema":"https://www.example.com/schema-foo-1/v1/",
             "version":"1.2.1","extension_types":["property-extension"],"extension_properties":["rank","toxicity"]}
            """);

        Assert.Equal("Extension Foo Bar", definition.Name);
        Assert.Equal("https://www.example.com/schema-foo-1/v1/", definition.Schema);
        Assert.Equal("1.2.1", definition.Version);
        Assert.Equal(["property-extension"], definition.ExtensionTypes);
        Assert.Equal(["rank", "toxicity"], definition.ExtensionProperties);
    }

    [Fact]
    public void A_TLP_2_marking_definition_is_recognised_by_its_id_and_exposes_its_extension_value()
    {
        // The OASIS TLP 2.0 AMBER+STRICT marking-definition, verbatim.
        var marking = Parse<MarkingDefinition>("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003","created":"2022-10-01T00:00:00.000Z","name":"TLP:AMBER+STRICT",
             "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"amber+strict"}}}
            """);

        Assert.Equal(TlpLevel.AmberStrict, marking.TlpLevel);
        Assert.Equal("amber+strict", marking.Tlp2);
        Assert.Null(marking.DefinitionType);
        Assert.Null(marking.Definition);
        Assert.Null(marking.TlpDefinition);
    }

    [Fact]
    public void A_marking_that_claims_a_TLP_level_under_another_id_has_no_TLP_level()
    {
        var marking = Parse<MarkingDefinition>("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--00000000-0000-4000-8000-000000000000","created":"2022-10-01T00:00:00.000Z",
             "definition_type":"tlp","definition":{"tlp":"white"}}
            """);

        Assert.Null(marking.TlpLevel);
        Assert.Equal("white", marking.TlpDefinition?.Tlp);
    }

    [Fact]
    public void Accessors_over_malformed_content_return_null_or_empty_instead_of_throwing()
    {
        var sighting = Parse<Concord.Stix.Model.Relationships.Sighting>("""
            {"type":"sighting","id":42,"count":"three","created":"yesterday","modified":"2017-02-30T00:00:00Z","labels":"one","revoked":"no",
             "sighting_of_ref":["indicator--1"],"where_sighted_refs":["identity--1",7,null],"external_references":[{"source_name":"x"},"not an object"],
             "object_marking_refs":{},"granular_markings":null,"extensions":[],"confidence":1.5}
            """);

        Assert.Equal(string.Empty, sighting.Id);
        Assert.Null(sighting.Count);
        Assert.Null(sighting.Created);
        Assert.Null(sighting.Modified);
        Assert.Empty(sighting.Labels);
        Assert.Null(sighting.Revoked);
        Assert.Null(sighting.SightingOfRef);
        Assert.Equal(["identity--1"], sighting.WhereSightedRefs);
        Assert.Equal("x", Assert.Single(sighting.ExternalReferences).SourceName);
        Assert.Empty(sighting.ObjectMarkingRefs);
        Assert.Empty(sighting.GranularMarkings);
        Assert.Empty(sighting.Extensions);
        Assert.Null(sighting.Confidence);
    }

    [Fact]
    public void An_object_without_a_known_type_is_a_custom_object_that_keeps_every_property()
    {
        var custom = Parse<CustomObject>("""{"type":"x-acme-widget","id":"x-acme-widget--6c4f7d6a-0000-4000-8000-000000000000","x_size":3}""");

        Assert.Equal("x-acme-widget", custom.Type);
        Assert.True(custom.TryGetProperty("x_size", out var size));
        Assert.Equal(3, size.GetInt32());
    }

    [Fact]
    public void A_view_over_a_JSON_value_that_is_not_an_object_is_refused()
    {
        using var document = System.Text.Json.JsonDocument.Parse("[1]");

        Assert.Throws<ArgumentException>(() => StixObject.FromJson(document.RootElement));
    }
}
