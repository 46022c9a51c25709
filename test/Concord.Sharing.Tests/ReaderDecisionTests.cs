// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Markings;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;
using CsCheck;

namespace Concord.Sharing.Tests;

/// <summary>
/// The decision read from the stored bytes (<see cref="RecipientView.Decide(ObjectVersion)"/>, which parses a document only
/// when something may need redacting) equals the decision on the parsed document, over generated models and objects.
/// </summary>
public sealed class ReaderDecisionTests
{
    private static readonly string[] Types = ["indicator", "malware", "identity", "email-addr", "user-account", "campaign", "x-acme-thing"];

    private static readonly string[] MarkingRefs =
    [
        TlpMarkings.ClearId, TlpMarkings.GreenId, TlpMarkings.AmberId, TlpMarkings.AmberStrictId, TlpMarkings.RedId,
        TlpMarkings.Tlp1WhiteId, TlpMarkings.Tlp1GreenId, TlpMarkings.Tlp1AmberId, TlpMarkings.Tlp1RedId,
        "marking-definition--3e3b5a76-1c4f-4d3c-9b1c-9c3d0b8e7a11",
    ];

    private static readonly string[] Selectors = ["name", "description", "aliases.[1]", "aliases.[7]", "x_acme.note", "id", "modified", "bad..selector", "aliases.[x]"];

    private static readonly string?[] Texts =
    [
        null,
        "plain text about 198.51.100.7",
        "write to someone@example.org",
        "call +41 22 917 12 34",
        "tel:+41229171234 at night",
        "(555) 123-4567",
        "a (parenthesis) and a+b but no number",
        "not an address: user at example dot org",
        "quotes \" and \\ and <html> & 'single'",
        "unicode caf\u00e9 \u65e5\u672c \U0001F600",
    ];

    private static readonly Gen<JsonNode?> MarkingRefsGen = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Gen.Const((JsonNode?)JsonValue.Create("not a list")),
        Gen.Int[0, MarkingRefs.Length].Array[0, 3].Select(picks => (JsonNode?)new JsonArray([.. picks.Select(i => i == MarkingRefs.Length ? (JsonNode)42 : MarkingRefs[i])])));

    private static readonly Gen<JsonNode> GranularGen =
        Gen.Select(Gen.Int[0, MarkingRefs.Length], Gen.Int[0, Selectors.Length - 1].Array[0, 3], Gen.Int[0, 5])
        .Select((marking, selectors, shape) =>
        {
            var entry = new JsonObject { ["marking_ref"] = marking == MarkingRefs.Length ? JsonValue.Create(7) : MarkingRefs[marking] };
            if (shape > 0)
            {
                entry["selectors"] = shape == 1 ? JsonValue.Create("name") : new JsonArray([.. selectors.Select(i => (JsonNode)Selectors[i])]);
            }

            return (JsonNode)entry;
        });

    private static readonly Gen<JsonNode?> TextGen = Gen.Int[0, Texts.Length - 1].Select(i => Texts[i] is { } text ? (JsonNode?)text : null);

    private static readonly Gen<JsonObject> ObjectGen =
        Gen.Select(
            Gen.Select(Gen.Int[0, Types.Length - 1], MarkingRefsGen, GranularGen.Array[0, 2], Gen.Int[0, PolicyPropertyTests.Organizations.Length].Array[0, 2]),
            Gen.Select(TextGen, TextGen, TextGen, TextGen, TextGen),
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool))
        .Select((marks, texts, flags) =>
        {
            var (type, refs, granular, named) = marks;
            var (name, description, alias, custom, elsewhere) = texts;
            var (individual, otherExtension, patternWithAddress) = flags;
            var obj = Stix.Object(Types[type]);
            obj["name"] = name?.DeepClone() ?? "unnamed";
            if (description is not null)
            {
                obj["description"] = description.DeepClone();
            }

            obj["aliases"] = new JsonArray("first", alias?.DeepClone() ?? "second", "third");
            if (refs is not null)
            {
                obj["object_marking_refs"] = refs.DeepClone();
            }

            if (granular.Length > 0)
            {
                obj["granular_markings"] = new JsonArray([.. granular.Select(g => g.DeepClone())]);
            }

            if (custom is not null)
            {
                obj["x_acme"] = new JsonObject { ["note"] = custom.DeepClone(), ["list"] = new JsonArray(custom.DeepClone()) };
            }

            if (Types[type] == "identity")
            {
                obj["identity_class"] = individual ? "individual" : "organization";
            }

            if (patternWithAddress)
            {
                obj["pattern"] = "[email-addr:value = 'sender@example.org']";
            }

            if (named.Length > 0)
            {
                obj.Recipients([.. named.Select(i => i == PolicyPropertyTests.Organizations.Length ? Guid.Empty : PolicyPropertyTests.Organizations[i])]);
                if (named.Contains(PolicyPropertyTests.Organizations.Length))
                {
                    obj["extensions"]![ConcordRecipients.ExtensionDefinitionId]![ConcordRecipients.PropertyName]!.AsArray().Add("not-a-uuid");
                }
            }

            if (otherExtension)
            {
                var extensions = obj["extensions"] as JsonObject ?? [];
                extensions["extension-definition--0f6a2f6c-27a5-4a8e-9c4a-2b1a3c4d5e6f"] = new JsonObject { ["extension_type"] = "property-extension", ["name"] = elsewhere?.DeepClone() ?? "x" };
                obj["extensions"] = extensions;
            }
            else if (elsewhere is not null)
            {
                obj["explanation"] = elsewhere.DeepClone();
            }

            return obj;
        });

    [Fact]
    public void The_decision_read_from_the_bytes_equals_the_decision_on_the_parsed_document()
    {
        Gen.Select(PolicyPropertyTests.ModelGen, ObjectGen, Gen.Int[0, PolicyPropertyTests.Organizations.Length - 1], PolicyPropertyTests.OriginGen, Gen.Bool)
            .Sample(
                (model, obj, recipient, origin, relaxed) =>
                {
                    // The default encoder escapes '+', '<', '&' and non-ASCII as \uXXXX; the relaxed one writes them as they are.
                    var json = Encoding.UTF8.GetBytes(obj.ToJsonString(new JsonSerializerOptions { Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default }));
                    var version = new ObjectVersion((string)obj["id"]!, (string)obj["type"]!, "2024-01-01T00:00:00.000Z", json);
                    var view = SharingPolicy.Build(model, World.Now).For(PolicyPropertyTests.Organizations[recipient], origin, "taxii");
                    using var document = JsonDocument.Parse(json);
                    return Describe(view.Decide(version)) == Describe(view.Decide(version, document.RootElement));
                },
                iter: 20_000);
    }

    [Fact]
    public void The_decision_from_an_object_s_facts_equals_the_decision_from_its_bytes_for_every_recipient()
    {
        Gen.Select(PolicyPropertyTests.ModelGen, ObjectGen, PolicyPropertyTests.OriginGen, Gen.Bool)
            .Sample(
                (model, obj, origin, relaxed) =>
                {
                    var json = Encoding.UTF8.GetBytes(obj.ToJsonString(new JsonSerializerOptions { Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default }));
                    var version = new ObjectVersion((string)obj["id"]!, (string)obj["type"]!, "2024-01-01T00:00:00.000Z", json);
                    var policy = SharingPolicy.Build(model, World.Now);

                    // Read once, decided for every recipient, as a server reuses them.
                    var facts = ObjectFacts.Read(json, version.Type);
                    return PolicyPropertyTests.Organizations.All(recipient =>
                    {
                        var view = policy.For(recipient, origin, "taxii");
                        return Describe(view.Decide(facts, version.Id)) == Describe(view.Decide(version));
                    });
                },
                iter: 10_000);
    }

    [Fact]
    public void Masking_in_place_gives_the_same_JSON_value_as_redacting_the_parsed_object()
    {
        var masked = 0;
        Gen.Select(PolicyPropertyTests.ModelGen, ObjectGen, Gen.Int[0, PolicyPropertyTests.Organizations.Length - 1], PolicyPropertyTests.OriginGen, Gen.Bool)
            .Sample(
                (model, obj, recipient, origin, relaxed) =>
                {
                    var json = Encoding.UTF8.GetBytes(obj.ToJsonString(new JsonSerializerOptions { Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default }));
                    var version = new ObjectVersion((string)obj["id"]!, (string)obj["type"]!, "2024-01-01T00:00:00.000Z", json);
                    var decision = SharingPolicy.Build(model, World.Now).For(PolicyPropertyTests.Organizations[recipient], origin, "taxii").Decide(version);
                    if (decision.Outcome != PolicyOutcome.Redact)
                    {
                        return true;
                    }

                    var output = new ArrayBufferWriter<byte>();
                    if (!Redactor.TryMask(json, decision.Redactions, output))
                    {
                        return decision.Redactions.Any(r => r.Replacement is null);
                    }

                    Interlocked.Increment(ref masked);
                    return JsonNode.DeepEquals(JsonNode.Parse(output.WrittenSpan), JsonNode.Parse(Redactor.Apply(json, decision.Redactions)));
                },
                iter: 10_000);
        Assert.True(masked > 0, "no generated object was masked in place");
    }

    [Theory]
    [InlineData("{\"type\":\"indicator\"} {}")]
    [InlineData("[1, 2]")]
    public void Facts_of_stored_JSON_that_is_not_one_object_deny_it_with_the_same_reason(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);
        var version = new ObjectVersion("indicator--00000000-0000-4000-8000-000000000001", "indicator", "2024-01-01T00:00:00.000Z", json);
        var view = SharingPolicy.Build(new World().With(World.Agreement(TlpLevel.Green)).Model, World.Now).For(World.Partner, SharingParty.Organization(World.Owner), "taxii");
        var decision = view.Decide(ObjectFacts.Read(json, "indicator"), version.Id);
        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(Describe(view.Decide(version)), Describe(decision));
    }

    [Fact]
    public void Versions_with_nothing_but_a_type_and_a_TLP_level_share_their_facts()
    {
        var first = Stix.Object("indicator", TlpLevel.Green, "plain text");
        var second = Stix.Object("indicator", TlpLevel.Green, "other plain text");
        var withAddress = Stix.Object("indicator", TlpLevel.Green, "write to someone@example.org");
        var facts = ObjectFacts.Read(Encoding.UTF8.GetBytes(first.ToJsonString()), "indicator");
        Assert.True(facts.IsCommon);
        Assert.Same(facts, ObjectFacts.Read(Encoding.UTF8.GetBytes(second.ToJsonString()), "indicator"));
        Assert.False(ObjectFacts.Read(Encoding.UTF8.GetBytes(withAddress.ToJsonString()), "indicator").IsCommon);
        Assert.NotSame(facts, ObjectFacts.Read(Encoding.UTF8.GetBytes(first.ToJsonString()), "malware"));
    }

    [Theory]
    [InlineData("{\"type\":\"indicator\"} {}")]
    [InlineData("{\"type\":\"indicator\",}")]
    [InlineData("{\"type\":\"indicator\",\"name\":\"a\"")]
    [InlineData("[1, 2]")]
    [InlineData("\"indicator\"")]
    public void Stored_JSON_that_is_not_one_object_is_denied(string text)
    {
        var view = SharingPolicy.Build(new World().With(World.Agreement(TlpLevel.Green)).Model, World.Now).For(World.Partner, SharingParty.Organization(World.Owner), "taxii");
        var decision = view.Decide(new ObjectVersion("indicator--00000000-0000-4000-8000-000000000001", "indicator", "2024-01-01T00:00:00.000Z", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
    }

    [Fact]
    public void A_repeated_marking_property_is_decided_on_the_document()
    {
        var json = $$"""{"type":"indicator","id":"indicator--00000000-0000-4000-8000-000000000001","object_marking_refs":["{{TlpMarkings.RedId}}"],"name":"n","object_marking_refs":["{{TlpMarkings.GreenId}}"]}""";
        var version = new ObjectVersion("indicator--00000000-0000-4000-8000-000000000001", "indicator", "2024-01-01T00:00:00.000Z", Encoding.UTF8.GetBytes(json));
        var view = SharingPolicy.Build(new World().With(World.Agreement(TlpLevel.Green)).Model, World.Now).For(World.Partner, SharingParty.Organization(World.Owner), "taxii");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Describe(view.Decide(version, document.RootElement)), Describe(view.Decide(version)));
    }

    private static string Describe(PolicyDecision decision) =>
        $"{decision.Outcome}|{decision.Reason}|{string.Join(";", decision.Redactions.Select(r => $"{r.Path.Text}={r.Replacement}:{r.Reason}"))}";
}
