// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Patterning.Ast;
using Concord.Stix;

namespace Concord.Patterning.Internal;

/// <summary>Splits pattern text into tokens on demand. Whitespace (Unicode White_Space) separates tokens.</summary>
internal sealed class Lexer(string text)
{
    private int position;
    private Token previous = new(TokenKind.End, text, default);

    public Token Next()
    {
        previous = Scan();
        return previous;
    }

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

    private Token Scan()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return new Token(TokenKind.End, text, new SourceSpan(text.Length, 0));
        }

        var start = position;
        var c = text[position];
        switch (c)
        {
            case '[':
                return Single(TokenKind.LeftBracket);
            case ']':
                return Single(TokenKind.RightBracket);
            case '(':
                return Single(TokenKind.LeftParen);
            case ')':
                return Single(TokenKind.RightParen);
            case ':':
                return Single(TokenKind.Colon);
            case ',':
                return Single(TokenKind.Comma);
            case '*':
                return Single(TokenKind.Star);
            case '=':
                return Single(TokenKind.Equal);
            case '!' when Peek(1) == '=':
                return Double(TokenKind.NotEqual);
            case '<' when Peek(1) == '=':
                return Double(TokenKind.LessThanOrEqual);
            case '<':
                return Single(TokenKind.LessThan);
            case '>' when Peek(1) == '=':
                return Double(TokenKind.GreaterThanOrEqual);
            case '>':
                return Single(TokenKind.GreaterThan);
            case '.' when char.IsAsciiDigit(Peek(1)) && ValueMayFollow():
                return ScanNumber();
            case '.':
                return Single(TokenKind.Dot);
            case '\'':
                return ScanString(start, start, TokenKind.String);
            case '-':
                return ScanNumber();
            case '+':
                throw Error(start, 1, PatternMessages.PlusSign);
            case 't' or 'h' or 'b' when Peek(1) == '\'':
                return ScanPrefixed(c);
            default:
                if (char.IsAsciiDigit(c))
                {
                    return ScanNumber();
                }

                if (IsIdentifierStart(c))
                {
                    return ScanIdentifier();
                }

                var length = char.IsSurrogatePair(text, position) ? 2 : 1;
                throw Error(start, length, PatternMessages.UnexpectedCharacter(DescribeChar(text.Substring(start, length))));
        }
    }

    private static string DescribeChar(string c) =>
        c.Length == 1 && (char.IsControl(c[0]) || char.IsWhiteSpace(c[0]))
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c[0]:X4}")
            : "'" + c + "'";

    private bool ValueMayFollow() =>
        previous.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.LessThan or TokenKind.LessThanOrEqual or TokenKind.GreaterThan
            or TokenKind.GreaterThanOrEqual or TokenKind.LeftParen or TokenKind.Comma
        || previous.IsKeyword("WITHIN") || previous.IsKeyword("REPEATS");

    private char Peek(int ahead) => position + ahead < text.Length ? text[position + ahead] : '\0';

    private Token Single(TokenKind kind)
    {
        position++;
        return new Token(kind, text, new SourceSpan(position - 1, 1));
    }

    private Token Double(TokenKind kind)
    {
        position += 2;
        return new Token(kind, text, new SourceSpan(position - 2, 2));
    }

    private Token ScanIdentifier()
    {
        var start = position;
        position++;
        while (position < text.Length && (IsIdentifierPart(text[position]) || (text[position] == '-' && IsIdentifierPart(Peek(1)))))
        {
            position++;
        }

        return new Token(TokenKind.Identifier, text, new SourceSpan(start, position - start));
    }

    private Token ScanNumber()
    {
        var start = position;
        if (text[position] == '-')
        {
            position++;
            if (!char.IsAsciiDigit(Peek(0)) && !(Peek(0) == '.' && char.IsAsciiDigit(Peek(1))))
            {
                throw Error(start, 1, PatternMessages.LoneMinus);
            }
        }

        var digitsStart = position;
        while (char.IsAsciiDigit(Peek(0)))
        {
            position++;
        }

        var integerDigits = position - digitsStart;
        var isFloat = false;
        if (Peek(0) == '.' && (integerDigits == 0 || !IsIdentifierStart(Peek(1))))
        {
            isFloat = true;
            position++;
            if (!char.IsAsciiDigit(Peek(0)))
            {
                throw Error(position - 1, 1, PatternMessages.MissingFractionDigits);
            }

            while (char.IsAsciiDigit(Peek(0)))
            {
                position++;
            }
        }

        var span = new SourceSpan(start, position - start);
        var literal = text.AsSpan(start, span.Length);
        if (integerDigits > 1 && text[digitsStart] == '0')
        {
            throw Error(start, span.Length, PatternMessages.LeadingZeros);
        }

        if (isFloat)
        {
            var value = double.Parse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw Error(start, span.Length, PatternMessages.FloatOutOfRange);
            }

            return new Token(TokenKind.Float, text, span, new FloatConstant(value, span));
        }

        if (!long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            throw Error(start, span.Length, PatternMessages.IntegerOutOfRange);
        }

        return new Token(TokenKind.Integer, text, span, new IntegerConstant(integer, span));
    }

    private Token ScanPrefixed(char prefix)
    {
        var start = position;
        position++;
        var kind = prefix switch
        {
            't' => TokenKind.Timestamp,
            'h' => TokenKind.Hex,
            _ => TokenKind.Binary,
        };
        return ScanString(start, position, kind);
    }

    private Token ScanString(int start, int quote, TokenKind kind)
    {
        // Most constants have no escapes: their content is one substring, and a builder is made at the first escape.
        StringBuilder? builder = null;
        position = quote + 1;
        var runStart = position;
        while (true)
        {
            if (position >= text.Length)
            {
                throw Error(start, text.Length - start, PatternMessages.UnterminatedString);
            }

            var c = text[position];
            if (c == '\'')
            {
                break;
            }

            if (c == '\\')
            {
                var next = Peek(1);
                if (next is not ('\'' or '\\'))
                {
                    var shown = position + 1 < text.Length ? text.Substring(position + 1, char.IsSurrogatePair(text, position + 1) ? 2 : 1) : string.Empty;
                    throw Error(position, position + 1 < text.Length ? 2 : 1, PatternMessages.InvalidEscape(shown));
                }

                builder ??= new StringBuilder();
                builder.Append(text, runStart, position - runStart).Append(next);
                position += 2;
                runStart = position;
                continue;
            }

            position++;
        }

        var content = builder is null
            ? text.Substring(runStart, position - runStart)
            : builder.Append(text, runStart, position - runStart).ToString();
        position++;
        var span = new SourceSpan(start, position - start);
        Constant value = kind switch
        {
            TokenKind.Timestamp => StixTimestamp.TryParse(content, out var timestamp)
                ? new TimestampConstant(timestamp, span)
                : throw Error(start, span.Length, PatternMessages.InvalidTimestamp(content)),
            TokenKind.Hex => Binary.TryDecodeHex(content, allowUppercase: false, out var hex)
                ? new HexConstant(new ValueList<byte>(hex), span)
                : throw Error(start, span.Length, PatternMessages.InvalidHex),
            TokenKind.Binary => Binary.TryDecodeBase64(content, ignoreLineFeeds: true, out var bytes)
                ? new BinaryConstant(new ValueList<byte>(bytes), span)
                : throw Error(start, span.Length, PatternMessages.InvalidBase64),
            _ => new StringConstant(content, span),
        };
        return new Token(kind, text, span, value);
    }

    private PatternSyntaxException Error(int offset, int length, string message) =>
        new(PatternError.At(text, offset, length, message));
}
