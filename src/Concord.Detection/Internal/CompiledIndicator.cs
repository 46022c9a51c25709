// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;
using Concord.Stix;

namespace Concord.Detection.Internal;

/// <summary>How an indicator's pattern is run.</summary>
internal enum PatternShape
{
    /// <summary>One observation expression without qualifiers: a match is a leaf match.</summary>
    Leaf,

    /// <summary>Every binding uses exactly one observation (OR, WITHIN, START/STOP, no AND/FOLLOWEDBY/REPEATS): evaluated per observation.</summary>
    SingleObservation,

    /// <summary>Bindings can use several observations: evaluated over the observations kept in the indicator's window.</summary>
    MultiObservation,
}

/// <summary>A running indicator: its pattern, validity, leaves and, for multi-observation patterns, its window.</summary>
internal sealed class CompiledIndicator
{
    public CompiledIndicator(string id, StixTimestamp modified, StixPattern pattern, StixTimestamp? validFrom, StixTimestamp? validUntil, long defaultHorizonTicks)
    {
        Id = id;
        Modified = modified;
        Pattern = pattern;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Shape = pattern.Root is ObservationExpression ? PatternShape.Leaf : IsSingle(pattern.Root) ? PatternShape.SingleObservation : PatternShape.MultiObservation;
        var window = OverallWindowTicks(pattern.Root);
        HorizonTicks = window ?? defaultHorizonTicks;
        HasOverallWindow = window is not null;
    }

    public string Id { get; }

    public StixTimestamp Modified { get; }

    public StixPattern Pattern { get; }

    public StixTimestamp? ValidFrom { get; }

    public StixTimestamp? ValidUntil { get; }

    public PatternShape Shape { get; }

    /// <summary>How far back (by <c>first_observed</c>, from the watermark) a kept observation can still take part in a match.</summary>
    public long HorizonTicks { get; }

    /// <summary>Whether an overall WITHIN bounds every binding (then <see cref="HorizonTicks"/> is that window).</summary>
    public bool HasOverallWindow { get; private init; }

    public List<int> Leaves { get; } = [];

    /// <summary>The position of each observation expression among <see cref="Leaves"/>.</summary>
    public Dictionary<ObservationExpression, int> LeafPositions { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The observations kept for a multi-observation pattern, in arrival order.</summary>
    public List<RetainedObservation> Window { get; } = [];

    /// <summary>The observation sequence number at which this indicator was last touched, to visit it once per observation.</summary>
    public long Stamp { get; set; } = -1;

    /// <summary>Whether the indicator applies to an observation: its time overlaps [valid_from, valid_until).</summary>
    public bool IsValidFor(Observation observation) =>
        (ValidFrom is not { } from || observation.LastObserved >= from) && (ValidUntil is not { } until || observation.FirstObserved < until);

    private static bool IsSingle(PatternExpression expression) => expression switch
    {
        ObservationExpression => true,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => IsSingle(or.Left) && IsSingle(or.Right),
        QualifiedPatternExpression qualified => qualified.Qualifiers.All(q => q is not RepeatsQualifier) && IsSingle(qualified.Operand),
        _ => false,
    };

    /// <summary>The WITHIN window that bounds the whole binding: the last qualifiers of the root, up to a REPEATS.</summary>
    private static long? OverallWindowTicks(PatternExpression root)
    {
        if (root is not QualifiedPatternExpression qualified)
        {
            return null;
        }

        long? best = null;
        for (var i = qualified.Qualifiers.Count - 1; i >= 0; i--)
        {
            switch (qualified.Qualifiers[i])
            {
                case RepeatsQualifier:
                    return best;
                case WithinQualifier within:
                    var seconds = within.Seconds switch
                    {
                        IntegerConstant n => (double)n.Value,
                        FloatConstant f => f.Value,
                        _ => double.MaxValue,
                    };
                    var ticks = seconds * TimeSpan.TicksPerSecond >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond);
                    best = best is { } b ? Math.Min(b, ticks) : ticks;
                    break;
                default:
                    break;
            }
        }

        return best;
    }
}

/// <summary>A self-contained copy of an observation kept for a multi-observation pattern.</summary>
/// <param name="Elements">The observed-data and the SCOs it references.</param>
/// <param name="FirstObservedTicks">Its <c>first_observed</c> in UTC ticks.</param>
/// <param name="Mask">Which observation expressions of the pattern it matches (bit i for leaf i; all bits past 64 leaves).</param>
/// <param name="Instances">Its <c>number_observed</c>, capped as the evaluator caps it.</param>
/// <param name="Observation">The copy prepared for the evaluator's search.</param>
/// <param name="LastObservedTicks">Its <c>last_observed</c> in UTC ticks.</param>
internal sealed record RetainedObservation(IReadOnlyList<System.Text.Json.JsonElement> Elements, long FirstObservedTicks, ulong Mask, long Instances, Observation Observation, long LastObservedTicks);

/// <summary>An observation expression of a running indicator.</summary>
/// <param name="Owner">The indicator.</param>
/// <param name="Expression">The expression.</param>
internal sealed record Leaf(CompiledIndicator Owner, ObservationExpression Expression)
{
    /// <summary>The expression in canonical syntax.</summary>
    public string Text { get; } = Expression.ToString();

    /// <summary>The direct evaluator of the comparison, when it has one.</summary>
    public FastComparison? Fast { get; } = FastComparison.Create(Expression.Comparison);
}
