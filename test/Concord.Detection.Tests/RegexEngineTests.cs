// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.RegularExpressions;
using Concord.Patterning.Internal;
using CsCheck;

namespace Concord.Detection.Tests;

/// <summary>
/// LIKE and MATCHES run on the regex interpreter and hand over to the linear-time engine when a match
/// takes too long: the answer never depends on which engine gave it.
/// </summary>
public sealed class RegexEngineTests
{
    private static readonly string[] Fragments = ["a", "b", "ab", ".", ".*", "a*", "(a|b)", "(a|aa)+", "[ab]", "[^a]", "a?", "b{1,3}", "\\d", "\\w+", "(?i)A", "\\.", "^", "$", "\\z", "(?:ab)*", "é", "\\s"];

    [Theory]
    [InlineData("^(a|aa)+$")]
    [InlineData("^(\\w+\\s?)*$")]
    [InlineData("^(.*a){20}$")]
    public void A_hostile_expression_is_answered_by_the_linear_time_engine_once_the_interpreter_gives_up(string pcre)
    {
        var regex = RegexTranslator.TryCompile(pcre, out var error);
        Assert.Null(error);
        Assert.False(regex!.IsMatch(new string('a', 60) + "!"));
        Assert.True(regex.IsLinear);
        Assert.True(regex.IsMatch(new string('a', 20)));
    }

    [Fact]
    public void A_hostile_expression_in_an_indicator_still_matches_as_the_pattern_says()
    {
        var engine = Stix.Engine(null, Stix.Indicator(Stix.Id(1), "[domain-name:value MATCHES '^(a|aa)+\\\\.example$']"));
        var hostile = Stix.Observation(Stix.ObservedDataId(), "2024-03-01T00:00:00Z", Stix.Domain(new string('a', 60) + "!.example"));
        var benign = Stix.Observation(Stix.ObservedDataId(), "2024-03-01T00:00:01Z", Stix.Domain("aaaa.example"));

        Assert.Empty(Stix.Run(engine, hostile));
        Assert.Single(Stix.Run(engine, benign));
    }

    [Fact]
    public void The_interpreter_and_the_linear_time_engine_agree_on_every_expression_the_translator_accepts()
    {
        var expressions = Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[1, 6].Select(string.Concat);
        var inputs = Gen.OneOf(Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i].Replace("\\", string.Empty, StringComparison.Ordinal)), Gen.String["abé.1 A"]).Array[0, 6].Select(string.Concat);
        var linear = new Dictionary<string, Regex>(StringComparer.Ordinal);
        Gen.Select(expressions, inputs).Sample((pcre, input) =>
        {
            if (RegexTranslator.TryCompile(pcre, out _) is not { } regex)
            {
                return true;
            }

            if (!linear.TryGetValue(regex.Expression, out var reference))
            {
                linear[regex.Expression] = reference = new Regex(regex.Expression, RegexTranslator.Options);
            }

            return regex.IsMatch(input) == reference.IsMatch(input);
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void An_expression_is_compiled_once_and_shared()
    {
        var first = RegexTranslator.TryCompile("^shared-[0-9]+$", out _);
        var second = RegexTranslator.TryCompile("^shared-[0-9]+$", out _);
        Assert.Same(first, second);
        Assert.True(first!.IsLinearVerified);
    }
}
