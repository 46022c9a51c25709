// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using Concord.Sharing.Markings;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing.Tests;

public sealed class RedactorTests
{
    [Fact]
    public void Removing_list_items_renumbers_the_granular_markings_that_remain()
    {
        var obj = Stix.Object(level: TlpLevel.Green);
        obj["kill_chain_phases"] = new JsonArray(
            new JsonObject { ["kill_chain_name"] = "k", ["phase_name"] = "zero" },
            new JsonObject { ["kill_chain_name"] = "k", ["phase_name"] = "one" },
            new JsonObject { ["kill_chain_name"] = "k", ["phase_name"] = "two" });
        obj.Granular(TlpLevel.Red, "kill_chain_phases.[0]", "name").Granular(TlpLevel.Green, "kill_chain_phases.[2].phase_name", "kill_chain_phases.[0].phase_name");

        var decision = new World().Decide(obj.Version(), World.Peer);
        var result = Stix.Parse(Redactor.Apply(obj.Version().Json, decision.Redactions));

        Assert.False(result.ContainsKey("name"));
        Assert.Equal(["one", "two"], result["kill_chain_phases"]!.AsArray().Select(p => (string)p!["phase_name"]!));
        var remaining = Assert.Single(result["granular_markings"]!.AsArray());
        Assert.Equal(TlpMarkings.GreenId, (string)remaining!["marking_ref"]!);
        Assert.Equal(["kill_chain_phases.[1].phase_name"], remaining["selectors"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void Masks_replace_strings_in_place_and_leave_everything_else_byte_identical_in_meaning()
    {
        var obj = Stix.Object(level: TlpLevel.Green, description: "mail jane@example.org");
        var decision = new World().Decide(obj.Version(), World.Peer);

        var result = Stix.Parse(Redactor.Apply(obj.Version().Json, decision.Redactions));

        Assert.Equal("mail [redacted email-address]", (string)result["description"]!);
        result["description"] = obj["description"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(obj, result));
    }

    [Fact]
    public void A_path_that_is_not_present_is_skipped()
    {
        var obj = Stix.Object();
        Assert.True(GranularSelector.TryParse("no_such.[3]", out var missing));

        var result = Stix.Parse(Redactor.Apply(obj.Version().Json, [new Redaction(missing!, null, "test")]));

        Assert.True(JsonNode.DeepEquals(obj, result));
    }
}
