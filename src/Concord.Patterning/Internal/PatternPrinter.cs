// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Patterning.Ast;

namespace Concord.Patterning.Internal;

/// <summary>Prints AST nodes in canonical pattern syntax, adding parentheses only where precedence needs them.</summary>
internal static class PatternPrinter
{
    public static string Print(PatternNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static string FormatFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        if (exponentAt >= 0)
        {
            text = ExpandExponent(text[..exponentAt], int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    public static string QuoteString(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !(name is "t" or "h" or "b");

    private static string ExpandExponent(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? unsigned : unsigned.Remove(point, 1);
        var integerDigits = (point < 0 ? unsigned.Length : point) + exponent;
        string result;
        if (integerDigits <= 0)
        {
            result = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            result = digits + new string('0', integerDigits - digits.Length) + ".0";
        }
        else
        {
            result = digits[..integerDigits] + "." + digits[integerDigits..];
        }

        return negative ? "-" + result : result;
    }

    private static int Precedence(PatternExpression expression) => expression switch
    {
        CompoundPatternExpression { Operator: ObservationOperator.FollowedBy } => 1,
        CompoundPatternExpression { Operator: ObservationOperator.Or } => 2,
        CompoundPatternExpression => 3,
        _ => 4,
    };

    private static int Precedence(ComparisonExpression expression) => expression switch
    {
        CompoundComparisonExpression { Operator: BooleanOperator.Or } => 1,
        CompoundComparisonExpression => 2,
        _ => 3,
    };

    private static void WriteGrouped(StringBuilder builder, PatternNode node, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Write(builder, node);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void Write(StringBuilder builder, PatternNode node)
    {
        switch (node)
        {
            case ObservationExpression observation:
                builder.Append('[');
                Write(builder, observation.Comparison);
                builder.Append(']');
                break;
            case CompoundPatternExpression compound:
                var precedence = Precedence(compound);
                WriteGrouped(builder, compound.Left, Precedence(compound.Left) < precedence);
                builder.Append(compound.Operator switch
                {
                    ObservationOperator.And => " AND ",
                    ObservationOperator.Or => " OR ",
                    _ => " FOLLOWEDBY ",
                });
                WriteGrouped(builder, compound.Right, Precedence(compound.Right) <= precedence);
                break;
            case QualifiedPatternExpression qualified:
                WriteGrouped(builder, qualified.Operand, qualified.Operand is not ObservationExpression);
                foreach (var qualifier in qualified.Qualifiers)
                {
                    builder.Append(' ');
                    Write(builder, qualifier);
                }

                break;
            case WithinQualifier within:
                builder.Append("WITHIN ");
                Write(builder, within.Seconds);
                builder.Append(" SECONDS");
                break;
            case RepeatsQualifier repeats:
                builder.Append("REPEATS ");
                Write(builder, repeats.Count);
                builder.Append(" TIMES");
                break;
            case StartStopQualifier startStop:
                builder.Append("START ");
                Write(builder, startStop.Start);
                builder.Append(" STOP ");
                Write(builder, startStop.Stop);
                break;
            case CompoundComparisonExpression compound:
                var comparisonPrecedence = Precedence(compound);
                WriteGrouped(builder, compound.Left, Precedence(compound.Left) < comparisonPrecedence);
                builder.Append(compound.Operator == BooleanOperator.And ? " AND " : " OR ");
                WriteGrouped(builder, compound.Right, Precedence(compound.Right) <= comparisonPrecedence);
                break;
            case ExistsComparison exists:
                builder.Append("EXISTS ");
                Write(builder, exists.Path);
                break;
            case PropertyComparison comparison:
                Write(builder, comparison.Path);
                builder.Append(comparison.Negated ? " NOT " : " ");
                builder.Append(OperatorText(comparison.Operator));
                builder.Append(' ');
                Write(builder, comparison.Value);
                break;
            case ObjectPath path:
                builder.Append(path.ObjectType).Append(':');
                for (var i = 0; i < path.Steps.Count; i++)
                {
                    if (i > 0 && path.Steps[i] is PropertyStep)
                    {
                        builder.Append('.');
                    }

                    Write(builder, path.Steps[i]);
                }

                break;
            case PropertyStep property:
                builder.Append(property.Quoted || !IsPlainName(property.Name) ? QuoteString(property.Name) : property.Name);
                break;
            case IndexStep index:
                builder.Append('[').Append(index.Index is { } i2 ? i2.ToString(CultureInfo.InvariantCulture) : "*").Append(']');
                break;
            default:
                WriteConstant(builder, node);
                break;
        }
    }

    private static void WriteConstant(StringBuilder builder, PatternNode node)
    {
        switch (node)
        {
            case StringConstant s:
                builder.Append(QuoteString(s.Value));
                break;
            case IntegerConstant integer:
                builder.Append(integer.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatConstant f:
                builder.Append(FormatFloat(f.Value));
                break;
            case BooleanConstant b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case TimestampConstant t:
                builder.Append("t'").Append(t.Value.Text).Append('\'');
                break;
            case HexConstant h:
                builder.Append("h'").Append(Binary.ToHex(h.Bytes)).Append('\'');
                break;
            case BinaryConstant b64:
                builder.Append("b'").Append(Binary.ToBase64(b64.Bytes)).Append('\'');
                break;
            case SetConstant set:
                builder.Append('(');
                for (var i = 0; i < set.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, set.Items[i]);
                }

                builder.Append(')');
                break;
            default:
                throw new ArgumentException("Unknown pattern node " + node.GetType().Name, nameof(node));
        }
    }

    private static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.In => "IN",
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.Matches => "MATCHES",
        ComparisonOperator.IsSubset => "ISSUBSET",
        _ => "ISSUPERSET",
    };
}
