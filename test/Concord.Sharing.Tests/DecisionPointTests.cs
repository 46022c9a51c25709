// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;
using Concord.Storage.Collections;
using Concord.Storage.Sharing;

namespace Concord.Sharing.Tests;

public sealed class DecisionPointTests
{
    private static readonly World GreenAmberAgreement = new World().With(World.Agreement(TlpLevel.Green, TlpLevel.Amber));

    public static TheoryData<TlpLevel?, string, bool> Matrix()
    {
        // (level, recipient, disclosed) with WG = {Owner, Peer} and an agreement Owner-Partner covering GREEN and AMBER.
        var data = new TheoryData<TlpLevel?, string, bool>();
        void Row(TlpLevel? level, bool same, bool peer, bool partner, bool outsider)
        {
            data.Add(level, "owner", same);
            data.Add(level, "peer", peer);
            data.Add(level, "partner", partner);
            data.Add(level, "outsider", outsider);
        }

        Row(null, true, false, false, false);
        Row(TlpLevel.Clear, true, true, true, true);
        Row(TlpLevel.Green, true, true, true, false);
        Row(TlpLevel.Amber, true, false, true, false);
        Row(TlpLevel.AmberStrict, true, false, false, false);
        Row(TlpLevel.Red, true, false, false, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_TLP_level_reaches_exactly_the_relations_TLP_2_0_allows(TlpLevel? level, string recipient, bool disclosed)
    {
        var version = Stix.Object(level: level).Version();

        var decision = GreenAmberAgreement.Decide(version, Recipient(recipient));

        Assert.Equal(disclosed, decision.Discloses);
        Assert.Equal(disclosed ? PolicyOutcome.Allow : PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(disclosed, decision.Reason is null);
    }

    [Fact]
    public void TLP_1_0_markings_are_read_as_their_TLP_2_0_equivalents()
    {
        var world = new World();
        var white = Stix.Object();
        white["object_marking_refs"] = new System.Text.Json.Nodes.JsonArray(TlpMarkings.Tlp1WhiteId);
        var green = Stix.Object();
        green["object_marking_refs"] = new System.Text.Json.Nodes.JsonArray(TlpMarkings.Tlp1GreenId);
        var red = Stix.Object();
        red["object_marking_refs"] = new System.Text.Json.Nodes.JsonArray(TlpMarkings.Tlp1RedId);

        Assert.True(world.Decide(white.Version(), World.Outsider).Discloses);
        Assert.True(world.Decide(green.Version(), World.Peer).Discloses);
        Assert.False(world.Decide(green.Version(), World.Outsider).Discloses);
        Assert.False(world.Decide(red.Version(), World.Peer).Discloses);
    }

    [Fact]
    public void The_most_restrictive_of_several_TLP_markings_applies()
    {
        var both = Stix.Object(level: TlpLevel.Clear);
        both["object_marking_refs"]!.AsArray().Add(TlpMarkings.AmberId);

        Assert.False(new World().Decide(both.Version(), World.Peer).Discloses);
    }

    [Fact]
    public void TLP_RED_reaches_the_named_recipients_and_no_one_else()
    {
        var red = Stix.Object(level: TlpLevel.Red).Recipients(World.Partner).Version();
        var world = new World().With(World.Agreement(TlpLevel.Red));

        Assert.True(world.Decide(red, World.Partner).Discloses);
        Assert.True(world.Decide(red, World.Owner).Discloses);
        Assert.False(world.Decide(red, World.Peer).Discloses);
        Assert.False(world.Decide(red, World.Outsider).Discloses);
        Assert.Equal("taxii: TLP:RED reaches its named recipients only", world.Decide(red, World.Peer).Reason);
    }

    [Fact]
    public void An_agreement_covers_only_its_types_and_never_its_excluded_ones()
    {
        var world = new World().With(World.Agreement(TlpLevel.Amber) with { AllowedTypes = ["indicator", "malware"], ExcludedTypes = ["malware"] });

        Assert.True(world.Decide(Stix.Object("indicator", TlpLevel.Amber).Version(), World.Partner).Discloses);
        Assert.False(world.Decide(Stix.Object("malware", TlpLevel.Amber).Version(), World.Partner).Discloses);
        Assert.False(world.Decide(Stix.Object("campaign", TlpLevel.Amber).Version(), World.Partner).Discloses);
    }

    [Fact]
    public void A_one_way_agreement_lets_only_its_provider_disclose()
    {
        var oneWay = World.Agreement(TlpLevel.Amber) with { Direction = AgreementDirection.OneWay, Provider = SharingParty.Organization(World.Partner) };
        var world = new World().With(oneWay);
        var amber = Stix.Object(level: TlpLevel.Amber).Version();

        Assert.False(world.Decide(amber, World.Partner).Discloses);
        Assert.True(world.Decide(amber, World.Owner, SharingParty.Organization(World.Partner)).Discloses);
    }

    [Fact]
    public void Agreements_apply_only_within_their_validity_period_and_until_revoked()
    {
        var amber = Stix.Object(level: TlpLevel.Amber).Version();
        var pending = World.Agreement(TlpLevel.Amber) with { ValidFrom = World.Now.AddDays(1) };
        var expired = World.Agreement(TlpLevel.Amber) with { ValidFrom = World.Now.AddDays(-9), ValidUntil = World.Now };
        var revoked = World.Agreement(TlpLevel.Amber) with { RevokedAt = World.Now.AddDays(-1) };

        Assert.False(new World().With(pending).Decide(amber, World.Partner).Discloses);
        Assert.False(new World().With(expired).Decide(amber, World.Partner).Discloses);
        Assert.False(new World().With(revoked).Decide(amber, World.Partner).Discloses);
        Assert.Equal(World.Now.AddDays(1), new World().With(pending).Policy.ValidUntil);
    }

    [Fact]
    public void An_agreement_with_a_working_group_covers_its_member_organizations()
    {
        var withGroup = World.Agreement(TlpLevel.Amber) with { Parties = [SharingParty.Organization(World.Partner), SharingParty.WorkingGroup(World.Group)] };
        var world = new World().With(withGroup);
        var amber = Stix.Object(level: TlpLevel.Amber).Version();

        Assert.True(world.Decide(amber, World.Partner).Discloses);
        Assert.True(world.Decide(amber, World.Peer, SharingParty.Organization(World.Partner)).Discloses);
        Assert.False(world.Decide(amber, World.Peer).Discloses);
        Assert.Equal(RecipientRelation.AgreementParty, world.Policy.For(World.Partner, SharingParty.Organization(World.Owner), "taxii").Relation);
    }

    [Fact]
    public void Members_of_an_owning_working_group_receive_its_content_except_unnamed_RED()
    {
        var world = new World();
        var origin = world.Policy.OriginOf(new CollectionInfo(World.GroupCollection, "api1", "WG"));

        Assert.Equal(SharingParty.WorkingGroup(World.Group), origin);
        Assert.True(world.Decide(Stix.Object().Version(), World.Owner, origin).Discloses);
        Assert.True(world.Decide(Stix.Object(level: TlpLevel.AmberStrict).Version(), World.Peer, origin).Discloses);
        Assert.False(world.Decide(Stix.Object(level: TlpLevel.Red).Version(), World.Peer, origin).Discloses);
        Assert.False(world.Decide(Stix.Object(level: TlpLevel.Green).Version(), World.Partner, origin).Discloses);
    }

    [Fact]
    public void Content_of_a_collection_without_owner_leaves_only_as_CLEAR_or_named_RED()
    {
        var world = new World().With(World.Agreement(TlpLevel.Green, TlpLevel.Amber));
        var origin = world.Policy.OriginOf(new CollectionInfo(Guid.NewGuid(), "api1", "nobody's"));

        Assert.Null(origin);
        Assert.True(world.Decide(Stix.Object(level: TlpLevel.Clear).Version(), World.Owner, origin).Discloses);
        Assert.False(world.Decide(Stix.Object(level: TlpLevel.Green).Version(), World.Owner, origin).Discloses);
        Assert.False(world.Decide(Stix.Object().Version(), World.Owner, origin).Discloses);
        Assert.True(world.Decide(Stix.Object(level: TlpLevel.Red).Recipients(World.Owner).Version(), World.Owner, origin).Discloses);
    }

    [Fact]
    public void A_granular_marking_the_recipient_is_not_entitled_to_removes_the_property_it_covers()
    {
        var obj = Stix.Object(level: TlpLevel.Green, description: "seen at the border gateway").Granular(TlpLevel.Red, "description");

        var decision = new World().Decide(obj.Version(), World.Peer);

        Assert.Equal(PolicyOutcome.Redact, decision.Outcome);
        Assert.Equal(["$.description"], decision.Redactions.Select(r => r.Path.JsonPath));
        Assert.Null(decision.Redactions[0].Replacement);
        Assert.Equal(PolicyOutcome.Allow, new World().Decide(obj.Recipients(World.Peer).Version(), World.Peer).Outcome);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("modified")]
    [InlineData("not..a selector")]
    public void A_granular_marking_over_what_identifies_the_object_or_with_a_bad_selector_withholds_it(string selector)
    {
        var obj = Stix.Object(level: TlpLevel.Green).Granular(TlpLevel.Red, selector);

        var decision = new World().Decide(obj.Version(), World.Peer);

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
    }

    [Fact]
    public void Statement_and_language_markings_restrict_nothing()
    {
        var obj = Stix.Object(level: TlpLevel.Green);
        obj["object_marking_refs"]!.AsArray().Add("marking-definition--" + Guid.NewGuid().ToString("D"));
        obj["granular_markings"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["lang"] = "fr", ["selectors"] = new System.Text.Json.Nodes.JsonArray("name") });

        Assert.Equal(PolicyOutcome.Allow, new World().Decide(obj.Version(), World.Peer).Outcome);
    }

    [Fact]
    public void Stored_JSON_that_cannot_be_parsed_is_withheld_from_other_organizations()
    {
        var broken = new ObjectVersion("indicator--1", "indicator", "2024", "{\"type\":"u8.ToArray());

        Assert.Equal(PolicyOutcome.Deny, new World().Decide(broken, World.Peer).Outcome);
        Assert.Equal(PolicyOutcome.Allow, new World().Decide(broken, World.Owner).Outcome);
    }

    private static Guid Recipient(string name) => name switch
    {
        "owner" => World.Owner,
        "peer" => World.Peer,
        "partner" => World.Partner,
        _ => World.Outsider,
    };
}
