// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Ast;

namespace Concord.Detection.Internal;

/// <summary>
/// A necessary condition for a multi-observation pattern to match the observations kept for it,
/// from which observation expressions each matches: the same satisfiability test the reference search
/// starts with (every needed expression matched, enough observations for AND, FOLLOWEDBY and REPEATS),
/// computed from the kept masks without building observations. When it fails the search is skipped.
/// </summary>
internal static class WindowCheck
{
    private const long Cap = 1000;

    /// <summary>Whether the search could find a binding among the kept observations that <paramref name="eligible"/> admits.</summary>
    public static bool CanMatch(CompiledIndicator indicator, Func<RetainedObservation, bool> eligible) => Satisfiable(indicator.Pattern.Root, indicator, eligible);

    private static bool Satisfiable(PatternExpression expression, CompiledIndicator indicator, Func<RetainedObservation, bool> eligible) => expression switch
    {
        ObservationExpression => Available(expression, indicator, eligible) > 0,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => Satisfiable(or.Left, indicator, eligible) || Satisfiable(or.Right, indicator, eligible),
        CompoundPatternExpression compound => Satisfiable(compound.Left, indicator, eligible) && Satisfiable(compound.Right, indicator, eligible)
            && Available(compound, indicator, eligible) >= MinimumUses(compound),
        QualifiedPatternExpression qualified => Satisfiable(qualified.Operand, indicator, eligible) && Available(qualified, indicator, eligible) >= MinimumUses(qualified),
        _ => true,
    };

    /// <summary>How many observation instances match some expression of <paramref name="expression"/> (an upper bound of the evaluator's pool).</summary>
    private static long Available(PatternExpression expression, CompiledIndicator indicator, Func<RetainedObservation, bool> eligible)
    {
        var mask = Mask(expression, indicator);
        var total = 0L;
        foreach (var kept in indicator.Window)
        {
            if ((kept.Mask & mask) != 0 && eligible(kept))
            {
                total += kept.Instances;
            }
        }

        return total;
    }

    private static ulong Mask(PatternExpression expression, CompiledIndicator indicator) => expression switch
    {
        ObservationExpression leaf => indicator.LeafPositions.TryGetValue(leaf, out var i) && i < 64 ? 1UL << i : ulong.MaxValue,
        CompoundPatternExpression compound => Mask(compound.Left, indicator) | Mask(compound.Right, indicator),
        QualifiedPatternExpression qualified => Mask(qualified.Operand, indicator),
        _ => ulong.MaxValue,
    };

    private static long MinimumUses(PatternExpression expression) => expression switch
    {
        ObservationExpression => 1,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => Math.Min(MinimumUses(or.Left), MinimumUses(or.Right)),
        CompoundPatternExpression compound => Math.Min(Cap, MinimumUses(compound.Left) + MinimumUses(compound.Right)),
        QualifiedPatternExpression qualified => qualified.Qualifiers.OfType<RepeatsQualifier>()
            .Aggregate(MinimumUses(qualified.Operand), (m, r) => Math.Min(Cap, m * Math.Clamp(r.Count.Value, 1, Cap))),
        _ => 1,
    };
}
