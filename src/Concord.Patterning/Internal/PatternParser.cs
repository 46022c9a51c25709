// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Ast;

namespace Concord.Patterning.Internal;

/// <summary>
/// Hand-written recursive-descent parser for the STIX 2.1 patterning grammar (section 9). Precedence,
/// highest first: qualifiers (postfix), AND, OR, FOLLOWEDBY; all operators associate to the left.
/// </summary>
/// <remarks>
/// <code>
/// pattern      := followedBy END
/// followedBy   := obsOr ('FOLLOWEDBY' obsOr)*
/// obsOr        := obsAnd ('OR' obsAnd)*
/// obsAnd       := qualified ('AND' qualified)*
/// qualified    := primary qualifier*
/// primary      := '[' comparison ']' | '(' followedBy ')'
/// qualifier    := 'WITHIN' number 'SECONDS' | 'START' timestamp 'STOP' timestamp | 'REPEATS' integer 'TIMES'
/// comparison   := compAnd ('OR' compAnd)*
/// compAnd      := compPrimary ('AND' compPrimary)*
/// compPrimary  := '(' comparison ')' | 'EXISTS' path | path 'NOT'? operator operand
/// path         := type ':' (name | string) ('.' (name | string) | '[' (integer | '*') ']')*
/// </code>
/// </remarks>
internal sealed class PatternParser
{
    private readonly string text;
    private readonly Lexer lexer;
    private Token current;

    private PatternParser(string text)
    {
        this.text = text;
        lexer = new Lexer(text);
        current = lexer.Next();
    }

    /// <summary>Parses the syntax of a pattern (no semantic validation).</summary>
    public static PatternExpression Parse(string text)
    {
        var parser = new PatternParser(text);
        var result = parser.ParseFollowedBy();
        if (parser.current.Kind != TokenKind.End)
        {
            throw parser.Unexpected(PatternMessages.ExpectedAfterObservation);
        }

        return result;
    }

    private static ComparisonOperator? OperatorOf(Token token) => token.Kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.LessThan => ComparisonOperator.LessThan,
        TokenKind.LessThanOrEqual => ComparisonOperator.LessThanOrEqual,
        TokenKind.GreaterThan => ComparisonOperator.GreaterThan,
        TokenKind.GreaterThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
        TokenKind.Identifier => token.Chars switch
        {
            "IN" => ComparisonOperator.In,
            "LIKE" => ComparisonOperator.Like,
            "MATCHES" => ComparisonOperator.Matches,
            "ISSUBSET" => ComparisonOperator.IsSubset,
            "ISSUPERSET" => ComparisonOperator.IsSuperset,
            _ => null,
        },
        _ => null,
    };

    private Token Advance()
    {
        var token = current;
        current = lexer.Next();
        return token;
    }

    private Token Expect(TokenKind kind, string expected)
    {
        if (current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        return Advance();
    }

    private Token ExpectKeyword(string keyword)
    {
        if (!current.IsKeyword(keyword))
        {
            throw Unexpected(keyword);
        }

        return Advance();
    }

    private PatternSyntaxException Unexpected(string expected)
    {
        var found = current.Describe();
        return new PatternSyntaxException(PatternError.At(text, current.Span.Start, current.Span.Length, PatternMessages.Expected(expected, found), expected, found));
    }

    private PatternExpression ParseFollowedBy()
    {
        var left = ParseObservationOr();
        while (current.IsKeyword("FOLLOWEDBY"))
        {
            Advance();
            var right = ParseObservationOr();
            left = new CompoundPatternExpression(ObservationOperator.FollowedBy, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private PatternExpression ParseObservationOr()
    {
        var left = ParseObservationAnd();
        while (current.IsKeyword("OR"))
        {
            Advance();
            var right = ParseObservationAnd();
            left = new CompoundPatternExpression(ObservationOperator.Or, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private PatternExpression ParseObservationAnd()
    {
        var left = ParseQualified();
        while (current.IsKeyword("AND"))
        {
            Advance();
            var right = ParseQualified();
            left = new CompoundPatternExpression(ObservationOperator.And, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private PatternExpression ParseQualified()
    {
        var operand = current.Kind == TokenKind.LeftParen ? ParseObservationGroup() : ParseObservationPrimary();
        List<Qualifier>? qualifiers = null;
        while (true)
        {
            if (current.IsKeyword("WITHIN"))
            {
                var start = Advance();
                if (current.Kind is not (TokenKind.Integer or TokenKind.Float))
                {
                    throw Unexpected(PatternMessages.ExpectedNumber);
                }

                var seconds = Advance().Value!;
                var end = ExpectKeyword("SECONDS");
                (qualifiers ??= []).Add(new WithinQualifier(seconds, start.Span.Union(end.Span)));
            }
            else if (current.IsKeyword("REPEATS"))
            {
                var start = Advance();
                if (current.Kind != TokenKind.Integer)
                {
                    throw Unexpected(PatternMessages.ExpectedInteger);
                }

                var count = (IntegerConstant)Advance().Value!;
                var end = ExpectKeyword("TIMES");
                (qualifiers ??= []).Add(new RepeatsQualifier(count, start.Span.Union(end.Span)));
            }
            else if (current.IsKeyword("START"))
            {
                var start = Advance();
                var from = (TimestampConstant)Expect(TokenKind.Timestamp, PatternMessages.ExpectedTimestamp).Value!;
                ExpectKeyword("STOP");
                var to = Expect(TokenKind.Timestamp, PatternMessages.ExpectedTimestamp);
                (qualifiers ??= []).Add(new StartStopQualifier(from, (TimestampConstant)to.Value!, start.Span.Union(to.Span)));
            }
            else
            {
                break;
            }
        }

        return qualifiers is null
            ? operand
            : new QualifiedPatternExpression(operand, new ValueList<Qualifier>(qualifiers), operand.Span.Union(qualifiers[^1].Span));
    }

    private PatternExpression ParseObservationGroup()
    {
        var open = Advance();
        var inner = ParseFollowedBy();
        if (current.Kind != TokenKind.RightParen)
        {
            throw Unexpected(PatternMessages.ExpectedRightParen);
        }

        var close = Advance();
        return inner with { Span = open.Span.Union(close.Span) };
    }

    private ObservationExpression ParseObservationPrimary()
    {
        if (current.Kind == TokenKind.LeftBracket)
        {
            var open = Advance();
            var comparison = ParseComparisonOr();
            if (current.Kind != TokenKind.RightBracket)
            {
                throw Unexpected(PatternMessages.ExpectedAfterComparison);
            }

            var close = Advance();
            return new ObservationExpression(comparison, open.Span.Union(close.Span));
        }

        throw Unexpected(PatternMessages.ExpectedObservation);
    }

    private ComparisonExpression ParseComparisonOr()
    {
        var left = ParseComparisonAnd();
        while (current.IsKeyword("OR"))
        {
            Advance();
            var right = ParseComparisonAnd();
            left = new CompoundComparisonExpression(BooleanOperator.Or, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private ComparisonExpression ParseComparisonAnd()
    {
        var left = ParseComparisonPrimary();
        while (current.IsKeyword("AND"))
        {
            Advance();
            var right = ParseComparisonPrimary();
            left = new CompoundComparisonExpression(BooleanOperator.And, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private ComparisonExpression ParseComparisonPrimary()
    {
        if (current.Kind == TokenKind.LeftParen)
        {
            var open = Advance();
            var inner = ParseComparisonOr();
            if (current.Kind != TokenKind.RightParen)
            {
                throw Unexpected(PatternMessages.ExpectedRightParen);
            }

            var close = Advance();
            return inner with { Span = open.Span.Union(close.Span) };
        }

        if (current.IsKeyword("EXISTS"))
        {
            var exists = Advance();
            var existsPath = ParsePath();
            return new ExistsComparison(existsPath, exists.Span.Union(existsPath.Span));
        }

        if (current.Kind != TokenKind.Identifier)
        {
            throw Unexpected(PatternMessages.ExpectedComparison);
        }

        var path = ParsePath();
        var negated = false;
        if (current.IsKeyword("NOT"))
        {
            Advance();
            negated = true;
        }

        var op = OperatorOf(current) ?? throw Unexpected(PatternMessages.ExpectedOperator);
        Advance();
        var value = op switch
        {
            ComparisonOperator.Equal or ComparisonOperator.NotEqual => ParseScalar(orderable: false),
            ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual
                => ParseScalar(orderable: true),
            ComparisonOperator.In => ParseSet(),
            _ => Expect(TokenKind.String, PatternMessages.ExpectedString).Value!,
        };
        return new PropertyComparison(path, op, negated, value, path.Span.Union(value.Span));
    }

    private Constant ParseScalar(bool orderable)
    {
        if (current.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Float or TokenKind.Timestamp or TokenKind.Hex or TokenKind.Binary)
        {
            return Advance().Value!;
        }

        if (!orderable && (current.IsKeyword("true") || current.IsKeyword("false")))
        {
            var token = Advance();
            return new BooleanConstant(token.IsKeyword("true"), token.Span);
        }

        throw Unexpected(orderable ? PatternMessages.ExpectedOrderableConstant : PatternMessages.ExpectedConstant);
    }

    private SetConstant ParseSet()
    {
        var open = Expect(TokenKind.LeftParen, PatternMessages.ExpectedSetStart);
        var items = new List<Constant> { ParseScalar(orderable: false) };
        while (current.Kind == TokenKind.Comma)
        {
            Advance();
            items.Add(ParseScalar(orderable: false));
        }

        if (current.Kind != TokenKind.RightParen)
        {
            throw Unexpected(PatternMessages.ExpectedSetContinuation);
        }

        var close = Advance();
        return new SetConstant(new ValueList<Constant>(items), open.Span.Union(close.Span));
    }

    private ObjectPath ParsePath()
    {
        var type = Expect(TokenKind.Identifier, PatternMessages.ExpectedObjectType);
        Expect(TokenKind.Colon, PatternMessages.ExpectedColon);
        var steps = new List<PathStep> { ParsePropertyStep() };
        var end = steps[0].Span;
        while (true)
        {
            if (current.Kind == TokenKind.Dot)
            {
                Advance();
                var step = ParsePropertyStep();
                steps.Add(step);
                end = step.Span;
            }
            else if (current.Kind == TokenKind.LeftBracket)
            {
                var open = Advance();
                long? index;
                if (current.Kind == TokenKind.Star)
                {
                    Advance();
                    index = null;
                }
                else if (current.Kind == TokenKind.Integer)
                {
                    index = ((IntegerConstant)Advance().Value!).Value;
                }
                else
                {
                    throw Unexpected(PatternMessages.ExpectedIndex);
                }

                var close = Expect(TokenKind.RightBracket, PatternMessages.ExpectedRightBracket);
                end = open.Span.Union(close.Span);
                steps.Add(new IndexStep(index, end));
            }
            else
            {
                break;
            }
        }

        return new ObjectPath(type.Text, new ValueList<PathStep>(steps), type.Span.Union(end));
    }

    private PropertyStep ParsePropertyStep()
    {
        if (current.Kind == TokenKind.String)
        {
            var quoted = Advance();
            return new PropertyStep(((StringConstant)quoted.Value!).Value, Quoted: true, quoted.Span);
        }

        var name = Expect(TokenKind.Identifier, PatternMessages.ExpectedPropertyName);
        if (name.Chars.Contains('-'))
        {
            throw new PatternSyntaxException(PatternError.At(text, name.Span.Start, name.Span.Length, PatternMessages.HyphenatedPropertyName(name.Text)));
        }

        return new PropertyStep(name.Text, Quoted: false, name.Span);
    }
}
