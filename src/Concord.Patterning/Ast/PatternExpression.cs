// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Ast;

/// <summary>
/// A pattern expression (section 9.4): an observation expression, observation expressions joined by an
/// observation operator, or an expression with qualifiers.
/// </summary>
/// <param name="Span">Where the node is in the pattern text.</param>
public abstract record PatternExpression(SourceSpan Span) : PatternNode(Span);

/// <summary>
/// A bracketed observation expression (section 9.5), <c>[ … ]</c>, which matches one observation.
/// </summary>
/// <param name="Comparison">The comparison expression inside the brackets.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record ObservationExpression(ComparisonExpression Comparison, SourceSpan Span = default) : PatternExpression(Span);

/// <summary>The observation operators (section 9.5.2).</summary>
public enum ObservationOperator
{
    /// <summary><c>AND</c>: both operands match, on different observations.</summary>
    And,

    /// <summary><c>OR</c>: either operand matches.</summary>
    Or,

    /// <summary><c>FOLLOWEDBY</c>: both match on different observations, the right one not earlier than the left one.</summary>
    FollowedBy,
}

/// <summary>Two pattern expressions joined by an observation operator.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record CompoundPatternExpression(ObservationOperator Operator, PatternExpression Left, PatternExpression Right, SourceSpan Span = default)
    : PatternExpression(Span);

/// <summary>
/// A pattern expression followed by one or more qualifiers (section 9.5.1), applied left to right:
/// each qualifier applies to the expression with the preceding qualifiers.
/// </summary>
/// <param name="Operand">The qualified expression.</param>
/// <param name="Qualifiers">The qualifiers in source order; never empty.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record QualifiedPatternExpression(PatternExpression Operand, ValueList<Qualifier> Qualifiers, SourceSpan Span = default)
    : PatternExpression(Span);

/// <summary>An observation expression qualifier (section 9.5.1).</summary>
/// <param name="Span">Where the node is in the pattern text.</param>
public abstract record Qualifier(SourceSpan Span) : PatternNode(Span);

/// <summary><c>WITHIN x SECONDS</c>.</summary>
/// <param name="Seconds">The window, an <see cref="IntegerConstant"/> or <see cref="FloatConstant"/>.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record WithinQualifier(Constant Seconds, SourceSpan Span = default) : Qualifier(Span);

/// <summary><c>REPEATS x TIMES</c>.</summary>
/// <param name="Count">The number of repetitions.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record RepeatsQualifier(IntegerConstant Count, SourceSpan Span = default) : Qualifier(Span);

/// <summary><c>START t'…' STOP t'…'</c>.</summary>
/// <param name="Start">The inclusive start.</param>
/// <param name="Stop">The exclusive stop.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record StartStopQualifier(TimestampConstant Start, TimestampConstant Stop, SourceSpan Span = default) : Qualifier(Span);
