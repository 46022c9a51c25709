// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Ast;

/// <summary>A comparison expression (section 9.6), or comparison expressions joined by a Boolean operator.</summary>
/// <param name="Span">Where the node is in the pattern text.</param>
public abstract record ComparisonExpression(SourceSpan Span) : PatternNode(Span);

/// <summary>The Boolean operators that join comparison expressions (section 9.6).</summary>
public enum BooleanOperator
{
    /// <summary><c>AND</c>: both operands are true for the same object.</summary>
    And,

    /// <summary><c>OR</c>: either operand is true.</summary>
    Or,
}

/// <summary>Two comparison expressions joined by a Boolean operator.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record CompoundComparisonExpression(BooleanOperator Operator, ComparisonExpression Left, ComparisonExpression Right, SourceSpan Span = default)
    : ComparisonExpression(Span);

/// <summary>The comparison and set operators (section 9.6.1), except <c>EXISTS</c>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>IN (…)</c>; the constant is a <see cref="SetConstant"/>.</summary>
    In,

    /// <summary><c>LIKE</c>, SQL-style wildcards <c>%</c> and <c>_</c>.</summary>
    Like,

    /// <summary><c>MATCHES</c>, a regular expression search.</summary>
    Matches,

    /// <summary><c>ISSUBSET</c>, for IP addresses and CIDR blocks.</summary>
    IsSubset,

    /// <summary><c>ISSUPERSET</c>, for IP addresses and CIDR blocks.</summary>
    IsSuperset,
}

/// <summary>An object path compared with a constant: <c>path [NOT] op constant</c>.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Negated">Whether the operator is preceded by <c>NOT</c>.</param>
/// <param name="Value">The constant (a <see cref="SetConstant"/> for <see cref="ComparisonOperator.In"/>).</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record PropertyComparison(ObjectPath Path, ComparisonOperator Operator, bool Negated, Constant Value, SourceSpan Span = default)
    : ComparisonExpression(Span);

/// <summary><c>EXISTS path</c>: the property is present.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record ExistsComparison(ObjectPath Path, SourceSpan Span = default) : ComparisonExpression(Span);
