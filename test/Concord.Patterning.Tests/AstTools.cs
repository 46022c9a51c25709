// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Ast;

namespace Concord.Patterning.Tests;

/// <summary>Helpers to compare ASTs regardless of source positions.</summary>
internal static class AstTools
{
    public static T WithoutSpans<T>(T node)
        where T : PatternNode => (T)Strip(node);

    private static ValueList<TItem> StripAll<TItem>(ValueList<TItem> items)
        where TItem : PatternNode => new(items.Select(i => (TItem)Strip(i)));

    private static PatternNode Strip(PatternNode node) => node switch
    {
        ObservationExpression o => new ObservationExpression(WithoutSpans(o.Comparison)),
        CompoundPatternExpression c => new CompoundPatternExpression(c.Operator, WithoutSpans(c.Left), WithoutSpans(c.Right)),
        QualifiedPatternExpression q => new QualifiedPatternExpression(WithoutSpans(q.Operand), StripAll(q.Qualifiers)),
        WithinQualifier w => new WithinQualifier(WithoutSpans(w.Seconds)),
        RepeatsQualifier r => new RepeatsQualifier(WithoutSpans(r.Count)),
        StartStopQualifier s => new StartStopQualifier(WithoutSpans(s.Start), WithoutSpans(s.Stop)),
        CompoundComparisonExpression c => new CompoundComparisonExpression(c.Operator, WithoutSpans(c.Left), WithoutSpans(c.Right)),
        PropertyComparison p => new PropertyComparison(WithoutSpans(p.Path), p.Operator, p.Negated, WithoutSpans(p.Value)),
        ExistsComparison e => new ExistsComparison(WithoutSpans(e.Path)),
        ObjectPath p => new ObjectPath(p.ObjectType, StripAll(p.Steps)),
        PathStep s => s with { Span = default },
        SetConstant s => new SetConstant(StripAll(s.Items)),
        Constant c => c with { Span = default },
        _ => throw new ArgumentException(node.GetType().Name),
    };
}
