// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Patterning.Ast;
using CsCheck;
using static Concord.Patterning.Tests.Observations;

namespace Concord.Patterning.Tests;

/// <summary>
/// Property-based check of the evaluator's search against a brute-force oracle that computes, bottom
/// up, every set of observations satisfying each sub-expression.
/// </summary>
public sealed class EvaluatorOracleTests
{
    private static readonly DateTimeOffset Origin = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Values = ["a", "b", "c"];

    private static readonly Gen<(string Value, int Start, int Duration)[]> Inputs =
        Gen.Select(Gen.OneOf(Values), Gen.Int[0, 6], Gen.OneOf(0, 0, 5, 20), (v, s, d) => (v, s * 10, d)).Array[1, 6];

    [Fact]
    public void The_evaluator_matches_exactly_when_a_brute_force_search_finds_a_set_of_observations()
    {
        Gen.Select(Inputs, Pattern(3)).Sample(
            (inputs, pattern) =>
            {
                var observations = new Observations();
                var ids = new List<string>();
                foreach (var (value, start, duration) in inputs)
                {
                    ids.Add(observations.Add(Text(start), Text(start + duration), Sco("x-e", ("val", value))));
                }

                var parsed = StixPattern.Parse(pattern.ToString());
                var oracle = Solve(parsed.Root, inputs);
                var result = parsed.Match(observations.Bundle());
                Assert.Equal(oracle.Count > 0, result.IsMatch);
                if (result.IsMatch)
                {
                    var mask = result.Bindings.Aggregate(0, (m, b) => m | (1 << ids.IndexOf(b.ObservedDataId!)));
                    Assert.Equal(result.Bindings.Count, int.PopCount(mask));
                    Assert.Contains(mask, oracle);
                }
            },
            iter: 500,
            print: t => t.Item2 + " on " + string.Join(", ", t.Item1.Select(i => $"{i.Value}@{i.Start}+{i.Duration}")));
    }

    private static string Text(int seconds) =>
        Origin.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int Seconds(TimestampConstant t) => (int)(t.Value.Instant - Origin).TotalSeconds;

    /// <summary>Every set (as a bit mask over the inputs) of observations that satisfies the expression.</summary>
    private static HashSet<int> Solve(PatternExpression expression, (string Value, int Start, int Duration)[] inputs)
    {
        int Earliest(int mask) => Enumerable.Range(0, inputs.Length).Where(i => (mask & (1 << i)) != 0).Min(i => inputs[i].Start);
        int Latest(int mask) => Enumerable.Range(0, inputs.Length).Where(i => (mask & (1 << i)) != 0).Max(i => inputs[i].Start + inputs[i].Duration);

        switch (expression)
        {
            case ObservationExpression leaf:
                var value = ((StringConstant)((PropertyComparison)leaf.Comparison).Value).Value;
                return [.. Enumerable.Range(0, inputs.Length).Where(i => inputs[i].Value == value).Select(i => 1 << i)];
            case CompoundPatternExpression { Operator: ObservationOperator.Or } or:
                var union = Solve(or.Left, inputs);
                union.UnionWith(Solve(or.Right, inputs));
                return union;
            case CompoundPatternExpression compound:
                var pairs = new HashSet<int>();
                foreach (var l in Solve(compound.Left, inputs))
                {
                    foreach (var r in Solve(compound.Right, inputs))
                    {
                        if ((l & r) == 0 && (compound.Operator == ObservationOperator.And || Earliest(r) >= Latest(l)))
                        {
                            pairs.Add(l | r);
                        }
                    }
                }

                return pairs;
            case QualifiedPatternExpression qualified:
                var sets = Solve(qualified.Operand, inputs);
                foreach (var qualifier in qualified.Qualifiers)
                {
                    sets = qualifier switch
                    {
                        WithinQualifier w => [.. sets.Where(m => Latest(m) - Earliest(m) < ((IntegerConstant)w.Seconds).Value)],
                        StartStopQualifier s => [.. sets.Where(m => Earliest(m) >= Seconds(s.Start) && Latest(m) < Seconds(s.Stop))],
                        RepeatsQualifier r => Repeat(sets, r.Count.Value),
                        _ => sets,
                    };
                }

                return sets;
            default:
                return [];
        }
    }

    private static HashSet<int> Repeat(HashSet<int> sets, long n)
    {
        HashSet<int> result = [0];
        for (var k = 0; k < n; k++)
        {
            result = [.. result.SelectMany(acc => sets.Where(s => (s & acc) == 0).Select(s => s | acc))];
        }

        // Each repetition is a distinct non-empty set, so a union of n of them has at least n members
        // and was built from n pairwise disjoint sets.
        return result;
    }

    private static Gen<PatternExpression> Leaf() => Gen.OneOf(Values).Select(v => (PatternExpression)new ObservationExpression(
        new PropertyComparison(new ObjectPath("x-e", new ValueList<PathStep>([new PropertyStep("val")])), ComparisonOperator.Equal, false, new StringConstant(v))));

    private static Gen<Qualifier> Qualifier() => Gen.OneOf<Qualifier>(
        Gen.OneOf(5L, 15L, 30L, 60L).Select(s => (Qualifier)new WithinQualifier(new IntegerConstant(s))),
        Gen.OneOf(1L, 2L, 3L).Select(n => (Qualifier)new RepeatsQualifier(new IntegerConstant(n))),
        Gen.Select(Gen.Int[0, 6], Gen.Int[1, 8], (a, b) => (Qualifier)new StartStopQualifier(
            new TimestampConstant(Concord.Stix.StixTimestamp.Parse(Text(a * 10))),
            new TimestampConstant(Concord.Stix.StixTimestamp.Parse(Text((a + b) * 10))))));

    private static Gen<PatternExpression> Pattern(int depth) => depth == 0
        ? Leaf()
        : Gen.OneOf(
            Leaf(),
            Gen.Select(Gen.OneOf(ObservationOperator.And, ObservationOperator.Or, ObservationOperator.FollowedBy), Pattern(depth - 1), Pattern(depth - 1), (op, l, r) =>
                (PatternExpression)new CompoundPatternExpression(op, l, r)),
            Gen.Select(Pattern(depth - 1), Qualifier(), (operand, q) => (PatternExpression)new QualifiedPatternExpression(operand, new ValueList<Qualifier>([q]))));
}
