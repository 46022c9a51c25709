// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Patterning;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;
using Concord.Stix;
using Concord.Testing;

namespace Concord.Detection.Tests;

/// <summary>
/// The correctness acceptance: on a deterministic generated workload the engine's matches equal those
/// of the reference evaluator (<see cref="PatternEvaluator"/>'s binding search) on every indicator ×
/// observation pair — zero differences.
/// </summary>
public sealed class DetectionAcceptanceTests
{
    private const int IndicatorCount = 3000;

    // 100,000 seconds of stream: each multi-observation indicator's window fills and expires many times over.
    private const int StreamLength = 100_000;

    [Fact]
    public void Every_indicator_observation_pair_of_a_large_sample_matches_as_the_reference_evaluator_says()
    {
        var workload = new DetectionWorkload(seed: 20240301);
        var indicatorJson = workload.Indicators(IndicatorCount).ToList();
        var reference = indicatorJson.Select(ReferenceIndicator.Parse).ToList();

        // Observations two hours apart: no window spans two of them, so each pair stands alone.
        var engine = new DetectionEngine(new DetectionOptions { Lateness = TimeSpan.Zero, MaxWindow = TimeSpan.FromMinutes(1) });
        Load(engine, indicatorJson);
        var lines = workload.Observations(1000, TimeSpan.FromHours(2), TimeSpan.Zero).ToList();

        var actual = new HashSet<(string, string)>();
        var matches = new List<DetectionMatch>();
        foreach (var line in lines)
        {
            matches.Clear();
            engine.ProcessLine(Encoding.UTF8.GetBytes(line), matches);
            foreach (var match in matches)
            {
                Assert.True(actual.Add((match.IndicatorId, match.ObservedDataRefs.Single())), $"{match.IndicatorId} matched twice");
            }
        }

        var expected = new HashSet<(string, string)>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var observations = Observation.Collect([document.RootElement]);
            var observation = observations.Single();
            var id = observation.ObservedData.GetProperty("id").GetString()!;
            foreach (var indicator in reference)
            {
                if (indicator.IsValidFor(observation) && new BindingSearch(indicator.Pattern.Root, observations).FindFirst().IsMatch)
                {
                    expected.Add((indicator.Id, id));
                }
            }
        }

        AssertSame(expected, actual);
        Assert.True(expected.Count > 500, $"the workload should produce many matches, not {expected.Count}");
        var matchedKinds = expected.Select(e => reference.First(r => r.Id == e.Item1).Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "=", "IN", "ISSUBSET", "LIKE", "MATCHES", "multi" }, matchedKinds);
    }

    [Fact]
    public void The_full_stream_out_of_order_within_the_lateness_matches_as_the_reference_evaluator_says()
    {
        var workload = new DetectionWorkload(seed: 7);
        var indicatorJson = workload.Indicators(IndicatorCount).ToList();
        var reference = indicatorJson.Select(ReferenceIndicator.Parse).ToList();
        var options = new DetectionOptions { Lateness = TimeSpan.FromSeconds(60), MaxWindow = TimeSpan.FromMinutes(10) };
        var engine = new DetectionEngine(options);
        Load(engine, indicatorJson);

        // The subset checked against the reference: single-observation indicators on hot values, and
        // multi-observation ones (checked against a model of the documented window semantics whose
        // per-observation tests are the reference evaluator on each observation expression).
        var singles = reference.Where(r => r.Shape != "multi").Where((_, i) => i % 100 == 0).Take(16).ToList();
        var multis = reference.Where(r => r.Shape == "multi").Take(12).ToList();
        var checkedIds = singles.Concat(multis).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var model = new WindowModel(multis, options);

        var actual = new List<(string, string)>();
        var expected = new List<(string, string)>();
        var matches = new List<DetectionMatch>();
        var total = 0L;
        foreach (var line in workload.Observations(StreamLength, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            matches.Clear();
            engine.ProcessLine(bytes, matches);
            total += matches.Count;
            actual.AddRange(matches.Where(m => checkedIds.Contains(m.IndicatorId)).Select(Key));

            using var document = JsonDocument.Parse(bytes);
            var observations = Observation.Collect([document.RootElement]);
            var observation = observations.Single();
            foreach (var indicator in singles)
            {
                if (indicator.IsValidFor(observation) && new BindingSearch(indicator.Pattern.Root, observations).FindFirst().IsMatch)
                {
                    expected.Add((indicator.Id, observation.ObservedData.GetProperty("id").GetString()!));
                }
            }

            expected.AddRange(model.Process(observation));
        }

        Assert.Equal(StreamLength, engine.Statistics.Observations);
        AssertSame(expected.ToHashSet(), actual.ToHashSet());
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(total > 10_000, $"the stream should produce many matches, not {total}");
        Assert.Contains(expected, e => multis.Any(m => m.Id == e.Item1));
    }

    internal static void Load(DetectionEngine engine, IEnumerable<string> indicators)
    {
        foreach (var json in indicators)
        {
            using var document = JsonDocument.Parse(json);
            var update = engine.Apply(document.RootElement);
            Assert.Equal(IndicatorUpdateKind.Added, update.Kind);
        }
    }

    private static (string, string) Key(DetectionMatch match) =>
        (match.IndicatorId, string.Join(" ", match.ObservedDataRefs.Order(StringComparer.Ordinal)));

    private static void AssertSame(HashSet<(string, string)> expected, HashSet<(string, string)> actual)
    {
        var missing = expected.Except(actual).Take(10).ToList();
        var extra = actual.Except(expected).Take(10).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join("; ", missing)}\nextra: {string.Join("; ", extra)}");
    }

    /// <summary>An indicator as the reference sees it: the parsed pattern and the validity interval.</summary>
    internal sealed record ReferenceIndicator(string Id, StixPattern Pattern, StixTimestamp ValidFrom, StixTimestamp? ValidUntil)
    {
        public string Shape => Pattern.Root is ObservationExpression ? "leaf" : IsMulti(Pattern.Root) ? "multi" : "single";

        public string Kind => Shape == "multi" ? "multi" : Pattern.Text switch
        {
            var t when t.Contains(" ISSUBSET ", StringComparison.Ordinal) => "ISSUBSET",
            var t when t.Contains(" MATCHES ", StringComparison.Ordinal) => "MATCHES",
            var t when t.Contains(" LIKE ", StringComparison.Ordinal) => "LIKE",
            var t when t.Contains(" IN (", StringComparison.Ordinal) => "IN",
            _ => "=",
        };

        public static ReferenceIndicator Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new ReferenceIndicator(
                root.GetProperty("id").GetString()!,
                StixPattern.Parse(root.GetProperty("pattern").GetString()!),
                StixTimestamp.Parse(root.GetProperty("valid_from").GetString()!),
                root.TryGetProperty("valid_until", out var until) ? StixTimestamp.Parse(until.GetString()!) : null);
        }

        public bool IsValidFor(Observation observation) =>
            observation.LastObserved >= ValidFrom && (ValidUntil is not { } u || observation.FirstObserved < u);

        private static bool IsMulti(PatternExpression expression) => expression switch
        {
            ObservationExpression => false,
            CompoundPatternExpression { Operator: ObservationOperator.Or } or => IsMulti(or.Left) || IsMulti(or.Right),
            CompoundPatternExpression => true,
            QualifiedPatternExpression q => q.Qualifiers.Any(x => x is RepeatsQualifier) || IsMulti(q.Operand),
            _ => false,
        };
    }
}
