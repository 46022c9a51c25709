// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;

namespace Concord.Patterning.Ast;

/// <summary>A constant (section 9.2).</summary>
/// <param name="Span">Where the node is in the pattern text.</param>
public abstract record Constant(SourceSpan Span) : PatternNode(Span);

/// <summary>A string constant, <c>'…'</c>, unescaped.</summary>
/// <param name="Value">The string.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record StringConstant(string Value, SourceSpan Span = default) : Constant(Span);

/// <summary>An integer constant.</summary>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record IntegerConstant(long Value, SourceSpan Span = default) : Constant(Span);

/// <summary>A floating-point constant (written with a decimal point, without exponent).</summary>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record FloatConstant(double Value, SourceSpan Span = default) : Constant(Span);

/// <summary>A Boolean constant, <c>true</c> or <c>false</c>.</summary>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record BooleanConstant(bool Value, SourceSpan Span = default) : Constant(Span);

/// <summary>A timestamp constant, <c>t'…'</c>.</summary>
/// <param name="Value">The timestamp (equality is by instant).</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record TimestampConstant(StixTimestamp Value, SourceSpan Span = default) : Constant(Span);

/// <summary>A hex constant, <c>h'…'</c>, as its octets.</summary>
/// <param name="Bytes">The octets.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record HexConstant(ValueList<byte> Bytes, SourceSpan Span = default) : Constant(Span);

/// <summary>A binary constant, <c>b'…'</c> (base64), as its octets.</summary>
/// <param name="Bytes">The octets.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record BinaryConstant(ValueList<byte> Bytes, SourceSpan Span = default) : Constant(Span);

/// <summary>The parenthesized list of constants of an <c>IN</c> comparison.</summary>
/// <param name="Items">The constants; never empty.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record SetConstant(ValueList<Constant> Items, SourceSpan Span = default) : Constant(Span);
