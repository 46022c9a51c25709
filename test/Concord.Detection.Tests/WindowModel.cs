// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;

namespace Concord.Detection.Tests;

/// <summary>
/// A brute-force model of the documented semantics of multi-observation patterns, without indexes:
/// every observation is tested against every observation expression with the reference evaluator;
/// those that match one are kept while within the window (by <c>first_observed</c>, behind the
/// watermark), the reference evaluator runs over the kept ones, and the observations of a match are
/// released.
/// </summary>
internal sealed class WindowModel(IReadOnlyList<DetectionAcceptanceTests.ReferenceIndicator> indicators, DetectionOptions options)
{
    private readonly Dictionary<string, List<(JsonElement[] Elements, long First)>> kept = [];
    private readonly Dictionary<string, ObservationExpression[]> leaves = indicators.ToDictionary(i => i.Id, i => Leaves(i.Pattern.Root).ToArray());
    private readonly ComparisonEvaluator evaluator = new();

    private long maxFirst = long.MinValue;

    public IEnumerable<(string, string)> Process(Observation observation)
    {
        var first = observation.FirstObserved.Instant.UtcTicks;
        maxFirst = Math.Max(maxFirst, first);
        JsonElement[]? elements = null;
        var results = new List<(string, string)>();
        foreach (var indicator in indicators)
        {
            // An observation expression matches when its comparison holds for one of the observation's objects (section 9.5).
            if (!indicator.IsValidFor(observation)
                || !leaves[indicator.Id].Any(leaf => observation.Objects.Any(root => evaluator.Evaluate(leaf.Comparison, observation, root))))
            {
                continue;
            }

            if (!kept.TryGetValue(indicator.Id, out var window))
            {
                kept[indicator.Id] = window = [];
            }

            var horizon = WithinTicks(indicator.Pattern.Root) ?? options.MaxWindow.Ticks;
            window.RemoveAll(w => w.First <= maxFirst - options.Lateness.Ticks - horizon);
            elements ??= Copy(observation);
            window.Add((elements, first));
            for (var n = 0; n < options.MaxMatchesPerObservation; n++)
            {
                var result = indicator.Pattern.Match(window.SelectMany(w => w.Elements));
                if (!result.IsMatch)
                {
                    break;
                }

                var ids = result.Bindings.Select(b => b.ObservedDataId!).Distinct().ToHashSet();
                results.Add((indicator.Id, string.Join(" ", ids.Order(StringComparer.Ordinal))));
                window.RemoveAll(w => ids.Contains(w.Elements[0].GetProperty("id").GetString()!));
            }
        }

        return results;
    }

    private static JsonElement[] Copy(Observation observation)
    {
        var items = new List<JsonElement> { observation.ObservedData };
        if (!observation.ObservedData.TryGetProperty("objects", out _))
        {
            items.AddRange(observation.Objects);
        }

        using var document = JsonDocument.Parse("[" + string.Join(",", items.Select(i => i.GetRawText())) + "]");
        return [.. document.RootElement.Clone().EnumerateArray()];
    }

    private static IEnumerable<ObservationExpression> Leaves(PatternExpression expression) => expression switch
    {
        ObservationExpression leaf => [leaf],
        CompoundPatternExpression compound => Leaves(compound.Left).Concat(Leaves(compound.Right)),
        QualifiedPatternExpression qualified => Leaves(qualified.Operand),
        _ => [],
    };

    private static long? WithinTicks(PatternExpression root)
    {
        if (root is not QualifiedPatternExpression qualified)
        {
            return null;
        }

        foreach (var qualifier in qualified.Qualifiers.Reverse())
        {
            if (qualifier is RepeatsQualifier)
            {
                return null;
            }

            if (qualifier is WithinQualifier { Seconds: IntegerConstant seconds })
            {
                return seconds.Value * TimeSpan.TicksPerSecond;
            }
        }

        return null;
    }
}
