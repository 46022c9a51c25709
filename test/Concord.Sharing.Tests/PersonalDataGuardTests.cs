// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.PersonalData;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;
using CsCheck;

namespace Concord.Sharing.Tests;

public sealed class PersonalDataGuardTests
{
    public static TheoryData<string, PersonalDataCategory?> FreeText() => new()
    {
        { "Contact jane.doe@example.org for details", PersonalDataCategory.EmailAddress },
        { "mail: a.b-c+d@mail.example.co.uk.", PersonalDataCategory.EmailAddress },
        { "Call +41 22 917 12 34 after hours", PersonalDataCategory.PhoneNumber },
        { "phone +1 (555) 123-4567", PersonalDataCategory.PhoneNumber },
        { "office (555) 123-4567", PersonalDataCategory.PhoneNumber },
        { "tel:+33142685300", PersonalDataCategory.PhoneNumber },
        { "C2 at 198.51.100.23 and 2001:db8::1", null },
        { "Version 10.0.19041.1 built 2024-01-01T00:00:00Z", null },
        { "hash 44d88612fea8a8f36de82e1278abb02f", null },
        { "user@localhost is not an address", null },
        { "APT-29 (aka 1234) uses port 4443", null },
    };

    [Theory]
    [MemberData(nameof(FreeText))]
    public void The_free_text_detectors_find_addresses_and_phone_numbers_and_nothing_else(string text, PersonalDataCategory? expected)
    {
        var findings = PersonalDataGuard.Inspect(Stix.Element(Stix.Object(description: text)), "indicator");

        Assert.Equal(expected is null ? [] : [expected.Value], findings.Select(f => f.Category));
        Assert.All(findings, f => Assert.Equal("$.description", f.Path!.JsonPath));
    }

    [Fact]
    public void The_byte_pre_check_never_rules_out_what_the_guard_finds()
    {
        var pieces = Gen.OneOf(Gen.Const("@"), Gen.Const("+"), Gen.Const("("), Gen.Const(")"), Gen.Const("tel:"), Gen.Const("."), Gen.Const(" "), Gen.Const("-"), Gen.Const("org"), Gen.Const("jane"), Gen.Int[0, 9999].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var escapings = new[] { JsonSerializerOptions.Default, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping } };
        Gen.Select(pieces.Array[0, 12], Gen.Int[0, escapings.Length - 1], Gen.OneOf(Gen.Const("indicator"), Gen.Const("identity"), Gen.Const("email-addr"))).Sample((parts, escaping, type) =>
        {
            var json = Encoding.UTF8.GetBytes(Stix.Object(type, description: string.Concat(parts)).ToJsonString(escapings[escaping]));
            using var document = JsonDocument.Parse(json);

            return PersonalDataGuard.Inspect(document.RootElement, type).Count == 0 || PersonalDataGuard.MayContain(json, type);
        });
    }

    [Fact]
    public void The_byte_pre_check_rules_out_text_without_trigger_characters()
    {
        var json = Encoding.UTF8.GetBytes(Stix.Object(description: "C2 at 198.51.100.23, version 10.0.19041.1").ToJsonString());

        Assert.False(PersonalDataGuard.MayContain(json, "indicator"));
        Assert.True(PersonalDataGuard.MayContain(json, "identity"));
    }

    [Fact]
    public void Free_text_includes_names_aliases_nested_descriptions_and_custom_properties_but_not_patterns()
    {
        var obj = Stix.Object();
        obj["pattern"] = "[email-addr:value = 'phisher@example.com']";
        obj["name"] = "from boss@example.com";
        obj["aliases"] = new JsonArray("plain", "x@example.net");
        obj["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "a", ["description"] = "ask y@example.com" });
        obj["x_contact"] = new JsonObject { ["who"] = "z@example.com" };

        var paths = PersonalDataGuard.Inspect(Stix.Element(obj), "indicator").Select(f => f.Path!.JsonPath).Order(StringComparer.Ordinal);

        Assert.Equal(["$.aliases[1]", "$.external_references[0].description", "$.name", "$.x_contact.who"], paths);
    }

    [Theory]
    [InlineData("identity", "individual", PersonalDataCategory.Individual)]
    [InlineData("email-addr", null, PersonalDataCategory.EmailAddress)]
    [InlineData("user-account", null, PersonalDataCategory.UserAccount)]
    public void Person_identifying_objects_are_personal_data_as_a_whole(string type, string? identityClass, PersonalDataCategory category)
    {
        var obj = Stix.Object(type);
        if (identityClass is not null)
        {
            obj["identity_class"] = identityClass;
        }

        var finding = Assert.Single(PersonalDataGuard.Inspect(Stix.Element(obj), type));

        Assert.Equal(category, finding.Category);
        Assert.Null(finding.Path);
    }

    [Fact]
    public void An_organization_identity_is_not_personal_data()
    {
        var obj = Stix.Object("identity");
        obj["identity_class"] = "organization";

        Assert.Empty(PersonalDataGuard.Inspect(Stix.Element(obj), "identity"));
    }

    [Fact]
    public void Personal_data_crossing_the_boundary_is_masked_or_withheld_and_stays_home_unchanged()
    {
        var world = new World();
        var text = Stix.Object(level: TlpLevel.Green, description: "ask jane@example.org or +41 22 917 12 34").Version();
        var person = Stix.Object("identity", TlpLevel.Green);
        person["identity_class"] = "individual";

        var masked = world.Decide(text, World.Peer);
        var withheld = world.Decide(person.Version(), World.Peer);

        var redaction = Assert.Single(masked.Redactions);
        Assert.Equal("ask [redacted email-address] or [redacted phone-number]", redaction.Replacement);
        Assert.Equal(PolicyOutcome.Deny, withheld.Outcome);
        Assert.Contains("individual", withheld.Reason, StringComparison.Ordinal);
        Assert.Equal(PolicyOutcome.Allow, world.Decide(text, World.Owner).Outcome);
        Assert.Equal(PolicyOutcome.Allow, world.Decide(person.Version(), World.Owner).Outcome);
    }

    [Fact]
    public void An_agreement_allowing_a_category_lets_only_that_category_through()
    {
        var agreement = World.Agreement(TlpLevel.Green) with
        {
            PersonalData = [new PersonalDataPermission(PersonalDataCategory.EmailAddress, "GDPR Art. 6(1)(e)")],
        };
        var world = new World().With(agreement);
        var text = Stix.Object(level: TlpLevel.Green, description: "ask jane@example.org or +41 22 917 12 34").Version();
        var email = Stix.Object("email-addr", TlpLevel.Green).Version();

        var decision = world.Decide(text, World.Partner);

        Assert.Equal("ask jane@example.org or [redacted phone-number]", Assert.Single(decision.Redactions).Replacement);
        Assert.Equal(PolicyOutcome.Allow, world.Decide(email, World.Partner).Outcome);
        Assert.Equal(PolicyOutcome.Deny, world.Decide(email, World.Peer).Outcome);
    }

    [Fact]
    public void A_permission_counts_only_under_an_agreement_that_covers_the_version()
    {
        var agreement = World.Agreement(TlpLevel.Green) with
        {
            AllowedTypes = ["malware"],
            PersonalData = [new PersonalDataPermission(PersonalDataCategory.EmailAddress, "mandate")],
        };
        var world = new World().With(agreement);

        var decision = world.Decide(Stix.Object(level: TlpLevel.Clear, description: "a@example.org").Version(), World.Partner);

        Assert.Equal(PolicyOutcome.Redact, decision.Outcome);
    }
}
