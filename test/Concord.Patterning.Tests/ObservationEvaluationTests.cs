// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Patterning.Ast;
using static Concord.Patterning.Tests.Observations;

namespace Concord.Patterning.Tests;

/// <summary>Observation expressions, observation operators and qualifiers (section 9.5) over sets of observed-data.</summary>
public sealed class ObservationEvaluationTests
{
    private const string T0 = "2020-01-01T00:00:00Z";

    private static JsonObject Ip(string value) => Sco("ipv4-addr", ("value", value));

    private static JsonObject Domain(string value) => Sco("domain-name", ("value", value));

    private static string At(int seconds) => DateTimeOffset.Parse(T0, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void All_comparisons_of_an_observation_expression_start_from_the_same_sco()
    {
        // The example of section 9.5: two network-traffic objects, each with one of the addresses.
        var observations = new Observations();
        observations.AddDeprecated("2019-10-20T00:12:01.000000Z", "2019-10-20T00:51:02.000000Z", new JsonObject
        {
            ["0"] = new JsonObject { ["type"] = "network-traffic", ["src_ref"] = "1" },
            ["1"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "203.0.113.10" },
            ["2"] = new JsonObject { ["type"] = "network-traffic", ["dst_ref"] = "3" },
            ["3"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "198.51.100.58" },
        });
        const string pattern = "[ network-traffic:src_ref.value = '203.0.113.10' AND network-traffic:dst_ref.value = '198.51.100.58' ]";
        Assert.False(observations.Matches(pattern));
        Assert.True(observations.Matches("[network-traffic:src_ref.value = '203.0.113.10']"));
        Assert.True(observations.Matches("[network-traffic:dst_ref.value = '198.51.100.58']"));

        var single = new Observations();
        single.AddDeprecated(T0, T0, new JsonObject
        {
            ["0"] = new JsonObject { ["type"] = "network-traffic", ["src_ref"] = "1", ["dst_ref"] = "2" },
            ["1"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "203.0.113.10" },
            ["2"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "198.51.100.58" },
        });
        Assert.True(single.Matches(pattern));
    }

    [Fact]
    public void References_are_followed_only_to_objects_listed_in_object_refs()
    {
        var listed = Ip("198.51.100.1");
        listed["id"] = "ipv4-addr--11111111-1111-4111-8111-111111111111";
        var unlisted = Ip("198.51.100.2");
        unlisted["id"] = "ipv4-addr--22222222-2222-4222-8222-222222222222";
        var traffic = Sco("network-traffic", ("src_ref", listed["id"]!.GetValue<string>()), ("dst_ref", unlisted["id"]!.GetValue<string>()));
        var observations = new Observations();
        observations.Add(T0, T0, traffic, listed);
        observations.AddLoose(unlisted);
        Assert.True(observations.Matches("[network-traffic:src_ref.value = '198.51.100.1']"));
        Assert.False(observations.Matches("[network-traffic:dst_ref.value = '198.51.100.2']"));
        Assert.False(observations.Matches("[network-traffic:dst_ref.value != '198.51.100.1']"));
        Assert.True(observations.Matches("[network-traffic:dst_ref = 'ipv4-addr--22222222-2222-4222-8222-222222222222']"));
    }

    [Fact]
    public void Reference_lists_are_dereferenced_element_by_element()
    {
        var a = Ip("198.51.100.1");
        a["id"] = "ipv4-addr--11111111-1111-4111-8111-111111111111";
        var b = Ip("198.51.100.2");
        b["id"] = "ipv4-addr--22222222-2222-4222-8222-222222222222";
        var domain = Sco("domain-name", ("value", "www.5z8.info"), ("resolves_to_refs", new JsonArray(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>())));
        var observations = new Observations();
        observations.Add(T0, T0, domain, a, b);
        Assert.True(observations.Matches("[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.2']"));
        Assert.True(observations.Matches("[domain-name:resolves_to_refs[1].value = '198.51.100.2']"));
        Assert.False(observations.Matches("[domain-name:resolves_to_refs[0].value = '198.51.100.2']"));
    }

    [Fact]
    public void And_needs_two_different_observations()
    {
        var one = new Observations();
        one.Add(T0, T0, Ip("198.51.100.1"));
        Assert.True(one.Matches("[ipv4-addr:value = '198.51.100.1']"));
        Assert.False(one.Matches("[ipv4-addr:value = '198.51.100.1'] AND [ipv4-addr:value = '198.51.100.1']"));

        var two = new Observations();
        two.Add(T0, T0, Ip("198.51.100.1"));
        two.Add(At(5), At(5), Ip("198.51.100.1"));
        Assert.True(two.Matches("[ipv4-addr:value = '198.51.100.1'] AND [ipv4-addr:value = '198.51.100.1']"));
    }

    [Fact]
    public void An_observed_data_with_number_observed_n_counts_as_n_observations()
    {
        var observations = new Observations();
        observations.AddCounted(T0, At(60), 3, Ip("198.51.100.1"));
        Assert.True(observations.Matches("[ipv4-addr:value = '198.51.100.1'] REPEATS 3 TIMES"));
        Assert.False(observations.Matches("[ipv4-addr:value = '198.51.100.1'] REPEATS 4 TIMES"));
        var result = observations.Match("[ipv4-addr:value = '198.51.100.1'] AND [ipv4-addr:value = '198.51.100.1']");
        Assert.True(result.IsMatch);
        Assert.Equal([0L, 1L], result.Bindings.Select(b => b.Instance));
    }

    [Fact]
    public void The_search_backtracks_when_a_first_choice_blocks_a_later_expression()
    {
        // The first observation satisfies both expressions, the second only the first one: the only
        // solution assigns the second observation to the first expression.
        var observations = new Observations();
        var both = observations.Add(T0, T0, Sco("x-thing", ("aaa", 1), ("bbb", 1)));
        var onlyA = observations.Add(At(1), At(1), Sco("x-thing", ("aaa", 1)));
        var result = observations.Match("[x-thing:aaa = 1] AND [x-thing:bbb = 1]");
        Assert.True(result.IsMatch);
        Assert.Equal([onlyA, both], result.Bindings.Select(b => b.ObservedDataId));
    }

    [Fact]
    public void Or_matches_when_either_side_matches()
    {
        var observations = new Observations();
        observations.Add(T0, T0, Ip("198.51.100.1"));
        Assert.True(observations.Matches("[ipv4-addr:value = '203.0.113.1'] OR [ipv4-addr:value = '198.51.100.1']"));
        Assert.True(observations.Matches("[ipv4-addr:value = '198.51.100.1'] OR [ipv4-addr:value = '203.0.113.1']"));
        Assert.False(observations.Matches("[ipv4-addr:value = '203.0.113.1'] OR [ipv4-addr:value = '203.0.113.2']"));
    }

    [Fact]
    public void Observation_operators_follow_the_precedence_of_section_9_5_3()
    {
        // [a] AND [b] OR [c]: AND binds tighter, so [c] alone is enough.
        var observations = new Observations();
        observations.Add(T0, T0, Domain("c.example"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example'] OR [domain-name:value = 'c.example']"));
        Assert.False(observations.Matches("[domain-name:value = 'a.example'] AND ([domain-name:value = 'b.example'] OR [domain-name:value = 'c.example'])"));
        var root = (CompoundPatternExpression)StixPattern.Parse("[x-a:val = 1] FOLLOWEDBY [x-a:val = 2] OR [x-a:val = 3] AND [x-a:val = 4]").Root;
        Assert.Equal(ObservationOperator.FollowedBy, root.Operator);
        var right = Assert.IsType<CompoundPatternExpression>(root.Right);
        Assert.Equal(ObservationOperator.Or, right.Operator);
        Assert.Equal(ObservationOperator.And, Assert.IsType<CompoundPatternExpression>(right.Right).Operator);
    }

    [Fact]
    public void Followedby_needs_the_second_observation_not_earlier_than_the_first()
    {
        var observations = new Observations();
        observations.Add(At(0), At(10), Domain("a.example"));
        observations.Add(At(10), At(20), Domain("b.example"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']"));
        Assert.False(observations.Matches("[domain-name:value = 'b.example'] FOLLOWEDBY [domain-name:value = 'a.example']"));
        Assert.True(observations.Matches("[domain-name:value = 'b.example'] AND [domain-name:value = 'a.example']"));
    }

    [Fact]
    public void Followedby_does_not_match_overlapping_observation_windows()
    {
        var observations = new Observations();
        observations.Add(At(0), At(30), Domain("a.example"));
        observations.Add(At(10), At(40), Domain("b.example"));
        Assert.False(observations.Matches("[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']"));
    }

    [Fact]
    public void Within_needs_every_observation_inside_a_window_shorter_than_n_seconds()
    {
        var observations = new Observations();
        observations.Add(At(0), At(0), Domain("a.example"));
        observations.Add(At(100), At(100), Domain("b.example"));
        const string both = "([domain-name:value = 'a.example'] AND [domain-name:value = 'b.example'])";
        Assert.True(observations.Matches(both + " WITHIN 120 SECONDS"));
        Assert.True(observations.Matches(both + " WITHIN 100.5 SECONDS"));
        Assert.False(observations.Matches(both + " WITHIN 100 SECONDS"));
        Assert.False(observations.Matches(both + " WITHIN 50 SECONDS"));

        // Without parentheses WITHIN applies to the second expression only.
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example'] WITHIN 1 SECONDS"));
    }

    [Fact]
    public void Within_counts_the_window_of_a_single_observed_data()
    {
        var observations = new Observations();
        observations.Add(At(0), At(300), Domain("a.example"));
        Assert.False(observations.Matches("[domain-name:value = 'a.example'] WITHIN 60 SECONDS"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] WITHIN 301 SECONDS"));
    }

    [Fact]
    public void Start_stop_keeps_observations_at_or_after_start_and_before_stop()
    {
        var observations = new Observations();
        observations.Add("2016-06-01T00:00:00Z", "2016-06-01T00:00:00Z", Sco("file", ("name", "foo.dll")));
        Assert.True(observations.Matches("[file:name = 'foo.dll'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'"));
        Assert.False(observations.Matches("[file:name = 'foo.dll'] START t'2016-06-01T00:00:00.001Z' STOP t'2016-07-01T00:00:00Z'"));
        Assert.False(observations.Matches("[file:name = 'foo.dll'] START t'2016-05-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'"));
    }

    [Fact]
    public void Repeats_needs_n_distinct_observations()
    {
        var observations = new Observations();
        for (var i = 0; i < 5; i++)
        {
            observations.Add(At(i * 300), At(i * 300), Sco("network-traffic", ("dst_ref", "x")));
        }

        observations.Add(At(10), At(10), Domain("other.example"));
        Assert.True(observations.Matches("[network-traffic:dst_ref = 'x'] REPEATS 5 TIMES"));
        Assert.False(observations.Matches("[network-traffic:dst_ref = 'x'] REPEATS 6 TIMES"));
        var result = observations.Match("[network-traffic:dst_ref = 'x'] REPEATS 5 TIMES");
        Assert.Equal(5, result.Bindings.Select(b => b.ObservedDataId).Distinct().Count());
    }

    [Fact]
    public void Qualifiers_apply_left_to_right()
    {
        // Three observations 100 s apart: any two are within 150 s of each other only if adjacent.
        var observations = new Observations();
        observations.Add(At(0), At(0), Domain("a.example"));
        observations.Add(At(100), At(100), Domain("a.example"));
        observations.Add(At(200), At(200), Domain("a.example"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] REPEATS 2 TIMES WITHIN 150 SECONDS"));
        Assert.False(observations.Matches("[domain-name:value = 'a.example'] REPEATS 3 TIMES WITHIN 150 SECONDS"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] REPEATS 3 TIMES WITHIN 201 SECONDS"));

        // WITHIN before REPEATS bounds each repetition separately.
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] WITHIN 1 SECONDS REPEATS 3 TIMES"));
    }

    [Fact]
    public void A_qualifier_binds_to_the_nearest_expression_as_in_the_repeats_example_of_section_9_5_2()
    {
        // [b] FOLLOWEDBY [c] REPEATS 2 TIMES is [b] FOLLOWEDBY ([c] REPEATS 2 TIMES): one b then two c's.
        var observations = new Observations();
        observations.Add(At(0), At(0), Domain("b.example"));
        observations.Add(At(10), At(10), Domain("c.example"));
        observations.Add(At(20), At(20), Domain("c.example"));
        const string b = "[domain-name:value = 'b.example']";
        const string c = "[domain-name:value = 'c.example']";
        Assert.True(observations.Matches($"{b} FOLLOWEDBY {c} REPEATS 2 TIMES"));
        Assert.Equal(3, observations.Match($"{b} FOLLOWEDBY {c} REPEATS 2 TIMES").Bindings.Count);
        Assert.False(observations.Matches($"({b} FOLLOWEDBY {c}) REPEATS 2 TIMES"));

        observations.Add(At(30), At(30), Domain("b.example"));
        observations.Add(At(40), At(40), Domain("c.example"));
        var pairs = observations.Match($"({b} FOLLOWEDBY {c}) REPEATS 2 TIMES");
        Assert.True(pairs.IsMatch);
        Assert.Equal(4, pairs.Bindings.Count);
    }

    [Fact]
    public void Repeated_pairs_need_disjoint_observations_found_by_backtracking()
    {
        // Pairs (b, c) with c not earlier than b: b0 c10 b20 c30. Greedy pairing b0-c30 would block
        // the second pair; the search must find b0-c10 and b20-c30.
        var observations = new Observations();
        observations.Add(At(30), At(30), Domain("c.example"));
        observations.Add(At(0), At(0), Domain("b.example"));
        observations.Add(At(20), At(20), Domain("b.example"));
        observations.Add(At(10), At(10), Domain("c.example"));
        Assert.True(observations.Matches("([domain-name:value = 'b.example'] FOLLOWEDBY [domain-name:value = 'c.example']) REPEATS 2 TIMES"));
        Assert.False(observations.Matches("([domain-name:value = 'b.example'] FOLLOWEDBY [domain-name:value = 'c.example']) REPEATS 3 TIMES"));
    }

    [Fact]
    public void The_binding_tells_which_observed_data_satisfied_which_observation_expression()
    {
        var observations = new Observations();
        var first = observations.Add(At(0), At(0), Sco("file", ("hashes", new JsonObject { ["MD5"] = "79054025255fb1a26e4bc422aef54eb4" })));
        var second = observations.Add(At(60), At(60), Sco("windows-registry-key", ("key", "HKEY_LOCAL_MACHINE\\foo\\bar")));
        var pattern = StixPattern.Parse("([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) WITHIN 300 SECONDS");
        var result = pattern.Match(observations.Bundle());
        Assert.True(result.IsMatch);
        var compound = (CompoundPatternExpression)((QualifiedPatternExpression)pattern.Root).Operand;
        Assert.Collection(
            result.Bindings,
            b =>
            {
                Assert.Same(compound.Left, b.Expression);
                Assert.Equal(first, b.ObservedDataId);
                Assert.Equal("file", b.MatchedObject.GetProperty("type").GetString());
            },
            b =>
            {
                Assert.Same(compound.Right, b.Expression);
                Assert.Equal(second, b.ObservedDataId);
                Assert.Equal(At(60), b.FirstObserved.Text);
            });
        Assert.Empty(StixPattern.Parse("[file:name = 'nothing']").Match(observations.Bundle()).Bindings);
    }

    [Fact]
    public void Observations_can_be_given_as_a_bundle_an_array_or_a_single_deprecated_observed_data()
    {
        var observations = new Observations();
        observations.Add(T0, T0, Ip("198.51.100.1"));
        var bundle = observations.Bundle();
        var pattern = StixPattern.Parse("[ipv4-addr:value = '198.51.100.1']");
        Assert.True(pattern.Match(bundle).IsMatch);
        Assert.True(pattern.Match(bundle.GetProperty("objects")).IsMatch);
        Assert.True(pattern.Match(bundle.GetProperty("objects").EnumerateArray().ToList()).IsMatch);

        var single = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "observed-data",
            ["first_observed"] = T0,
            ["last_observed"] = T0,
            ["number_observed"] = 1,
            ["objects"] = new JsonObject { ["0"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "198.51.100.1" } },
        });
        Assert.True(PatternEvaluator.Match(pattern, single).IsMatch);
    }

    [Fact]
    public void Observed_data_without_valid_observation_times_is_ignored()
    {
        var observations = new Observations();
        observations.Add("yesterday", T0, Ip("198.51.100.1"));
        Assert.False(observations.Matches("[ipv4-addr:value = '198.51.100.1']"));
    }

    [Fact]
    public void The_spec_example_of_several_malware_artifacts_matches_either_alternative()
    {
        const string pattern = "([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR [process:image_ref.name = 'fooproc' OR process:image_ref.name = 'procfoo']";
        var files = new Observations();
        files.Add(T0, T0, Sco("file", ("name", "foo.dll")));
        Assert.False(files.Matches(pattern));
        files.Add(T0, T0, Sco("windows-registry-key", ("key", "HKEY_LOCAL_MACHINE\\foo\\bar")));
        Assert.True(files.Matches(pattern));

        var process = new Observations();
        var image = Sco("file", ("name", "procfoo"));
        image["id"] = "file--33333333-3333-4333-8333-333333333333";
        process.Add(T0, T0, Sco("process", ("image_ref", "file--33333333-3333-4333-8333-333333333333")), image);
        Assert.True(process.Matches(pattern));
    }

    [Fact]
    public void A_repetition_count_larger_than_the_matching_observations_fails_without_trying_every_subset()
    {
        var observations = new Observations();
        for (var i = 0; i < 39; i++)
        {
            observations.Add(At(i), At(i), Domain("a.example"));
        }

        Assert.False(observations.Matches("[domain-name:value = 'a.example'] REPEATS 40 TIMES"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] REPEATS 39 TIMES"));
    }

    [Fact]
    public void A_window_too_short_for_the_repetitions_fails_without_trying_every_subset()
    {
        var observations = new Observations();
        for (var i = 0; i < 40; i++)
        {
            observations.Add(At(i * 10), At(i * 10), Domain("a.example"));
        }

        Assert.False(observations.Matches("[domain-name:value = 'a.example'] REPEATS 20 TIMES WITHIN 100 SECONDS"));
        Assert.True(observations.Matches("[domain-name:value = 'a.example'] REPEATS 10 TIMES WITHIN 100 SECONDS"));
    }

    [Fact]
    public void An_expression_nothing_matches_fails_the_conjunction_without_enumerating_the_rest()
    {
        var observations = new Observations();
        for (var i = 0; i < 30; i++)
        {
            observations.Add(At(i), At(i), Domain("a.example"));
        }

        const string a = "[domain-name:value = 'a.example']";
        Assert.False(observations.Matches($"{a} AND {a} AND {a} AND {a} AND {a} AND [domain-name:value = 'b.example']"));
        Assert.False(observations.Matches($"{a} AND {a} AND {a} AND {a} AND {a} AND ({a} FOLLOWEDBY [domain-name:value = 'b.example'])"));
        Assert.True(observations.Matches($"{a} AND {a} AND {a} AND {a} AND {a} AND ({a} OR [domain-name:value = 'b.example'])"));
    }
}
