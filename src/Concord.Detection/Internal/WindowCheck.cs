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

    public static bool CanMatch(CompiledIndicator indicator) => Satisfiable(indicator.Pattern.Root, indicator);

    private static bool Satisfiable(PatternExpression expression, CompiledIndicator indicator) => expression switch
    {
        ObservationExpression => Available(expression, indicator) > 0,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => Satisfiable(or.Left, indicator) || Satisfiable(or.Right, indicator),
        CompoundPatternExpression compound => Satisfiable(compound.Left, indicator) && Satisfiable(compound.Right, indicator)
            && Available(compound, indicator) >= MinimumUses(compound),
        QualifiedPatternExpression qualified => Satisfiable(qualified.Operand, indicator) && Available(qualified, indicator) >= MinimumUses(qualified),
        _ => true,
    };

    /// <summary>How many observation instances match some expression of <paramref name="expression"/> (an upper bound of the evaluator's pool).</summary>
    private static long Available(PatternExpression expression, CompiledIndicator indicator)
    {
        var mask = Mask(expression, indicator);
        var total = 0L;
        foreach (var kept in indicator.Window)
        {
            if ((kept.Mask & mask) != 0)
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
