// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Ast;

namespace Concord.Patterning.Internal;

/// <summary>The kinds of lexical tokens.</summary>
internal enum TokenKind
{
    End,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Colon,
    Dot,
    Comma,
    Star,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Identifier,
    String,
    Timestamp,
    Hex,
    Binary,
    Integer,
    Float,
}

/// <summary>
/// A lexical token; <see cref="Value"/> holds the constant for literal tokens. The token's text stays in the pattern
/// (<paramref name="Source"/>) until asked for, so that a pattern is checked without a string per token.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Source, SourceSpan Span, Constant? Value = null)
{
    /// <summary>The token as written in the pattern.</summary>
    public ReadOnlySpan<char> Chars => Source.AsSpan(Span.Start, Span.Length);

    /// <summary>The token as written in the pattern, as a new string.</summary>
    public string Text => Source.Substring(Span.Start, Span.Length);

    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Chars.SequenceEqual(keyword);

    public string Describe() => Kind switch
    {
        TokenKind.End => PatternMessages.EndOfPattern,
        TokenKind.Identifier => "'" + Text + "'",
        TokenKind.String => "string constant " + Text,
        TokenKind.Timestamp => "timestamp constant " + Text,
        TokenKind.Hex => "hex constant " + Text,
        TokenKind.Binary => "binary constant " + Text,
        TokenKind.Integer => "integer " + Text,
        TokenKind.Float => "number " + Text,
        _ => "'" + Text + "'",
    };
}

/// <summary>Carries a syntax error out of the recursive descent.</summary>
internal sealed class PatternSyntaxException(PatternError error) : Exception(error.ToString())
{
    public PatternError Error { get; } = error;
}
