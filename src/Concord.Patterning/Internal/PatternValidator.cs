// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using Concord.Patterning.Ast;

namespace Concord.Patterning.Internal;

/// <summary>
/// Checks the semantic rules of section 9 that the grammar does not express, reporting every violation
/// with its position.
/// </summary>
internal sealed class PatternValidator
{
    private const long MaxInteger = (1L << 53) - 1;
    private const long MinInteger = -MaxInteger;

    private static readonly SearchValues<char> ObjectTypeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> PropertyNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");
    private static readonly SearchValues<char> KeyChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

    private readonly string text;

    // Made at the first error: a valid pattern, the common case, is checked without it.
    private List<PatternError>? errors;

    private PatternValidator(string text) => this.text = text;

    public static IReadOnlyList<PatternError> Validate(string text, PatternExpression root)
    {
        var validator = new PatternValidator(text);
        validator.Visit(root);
        return validator.errors ?? [];
    }

    internal static bool IsValidObjectType(string name) =>
        name.Length is >= 3 and <= 250 && char.IsAsciiLetterLower(name[0]) && !name.AsSpan().ContainsAnyExcept(ObjectTypeChars);

    internal static bool IsValidPropertyName(string name) =>
        (name.Length is >= 3 and <= 250 || name == "id") && char.IsAsciiLetterLower(name[0]) && !name.AsSpan().ContainsAnyExcept(PropertyNameChars);

    internal static bool IsValidKey(string name) =>
        name.Length is >= 1 and <= 250 && !name.AsSpan().ContainsAnyExcept(KeyChars);

    private void Add(SourceSpan span, string message) => (errors ??= []).Add(PatternError.At(text, span.Start, span.Length, message));

    private void Visit(PatternExpression expression)
    {
        switch (expression)
        {
            case ObservationExpression observation:
                Visit(observation.Comparison);

                // Only an AND can break the type rule; a single comparison, the common case, needs no type sets.
                if (observation.Comparison is CompoundComparisonExpression)
                {
                    TypesOf(observation.Comparison);
                }

                break;
            case CompoundPatternExpression compound:
                Visit(compound.Left);
                Visit(compound.Right);
                break;
            case QualifiedPatternExpression qualified:
                Visit(qualified.Operand);
                VisitQualifiers(qualified.Qualifiers);
                break;
            default:
                break;
        }
    }

    private void VisitQualifiers(ValueList<Qualifier> qualifiers)
    {
        var seen = new HashSet<Type>();
        foreach (var qualifier in qualifiers)
        {
            if (!seen.Add(qualifier.GetType()))
            {
                Add(qualifier.Span, PatternMessages.DuplicateQualifier(qualifier switch
                {
                    WithinQualifier => "WITHIN",
                    RepeatsQualifier => "REPEATS",
                    _ => "START/STOP",
                }));
            }

            switch (qualifier)
            {
                case WithinQualifier within when within.Seconds is IntegerConstant { Value: <= 0 } or FloatConstant { Value: <= 0 }:
                    Add(within.Seconds.Span, PatternMessages.WithinNotPositive);
                    break;
                case RepeatsQualifier repeats when repeats.Count.Value <= 0:
                    Add(repeats.Count.Span, PatternMessages.RepeatsNotPositive);
                    break;
                case StartStopQualifier startStop when startStop.Start.Value >= startStop.Stop.Value:
                    Add(startStop.Span, PatternMessages.StartNotBeforeStop);
                    break;
                default:
                    break;
            }
        }
    }

    private void Visit(ComparisonExpression expression)
    {
        switch (expression)
        {
            case CompoundComparisonExpression compound:
                Visit(compound.Left);
                Visit(compound.Right);
                break;
            case ExistsComparison exists:
                Visit(exists.Path);
                break;
            case PropertyComparison comparison:
                Visit(comparison.Path);
                VisitConstant(comparison.Value);
                VisitOperand(comparison);
                break;
            default:
                break;
        }
    }

    private void VisitConstant(Constant constant)
    {
        switch (constant)
        {
            case IntegerConstant { Value: < MinInteger or > MaxInteger } integer:
                Add(integer.Span, PatternMessages.IntegerOutOfStixRange);
                break;
            case SetConstant set:
                foreach (var item in set.Items)
                {
                    VisitConstant(item);
                }

                break;
            default:
                break;
        }
    }

    private void Visit(ObjectPath path)
    {
        if (!IsValidObjectType(path.ObjectType))
        {
            Add(path.ObjectTypeSpan, PatternMessages.InvalidObjectType(path.ObjectType));
        }

        for (var i = 0; i < path.Steps.Count; i++)
        {
            switch (path.Steps[i])
            {
                case PropertyStep property when i == 0 && !IsValidPropertyName(property.Name):
                    Add(property.Span, PatternMessages.InvalidPropertyName(property.Name));
                    break;
                case PropertyStep property when i > 0 && !IsValidKey(property.Name):
                    Add(property.Span, PatternMessages.InvalidKey(property.Name));
                    break;
                case IndexStep { Index: < 0 } index:
                    Add(index.Span, PatternMessages.NegativeIndex);
                    break;
                default:
                    break;
            }
        }
    }

    private void VisitOperand(PropertyComparison comparison)
    {
        switch (comparison.Operator)
        {
            case ComparisonOperator.In when comparison.Value is SetConstant set:
                var family = ConstantFamily(set.Items[0]);
                foreach (var item in set.Items.Skip(1))
                {
                    if (ConstantFamily(item) != family)
                    {
                        Add(item.Span, PatternMessages.SetNotHomogeneous);
                    }
                }

                break;
            case ComparisonOperator.Matches when comparison.Value is StringConstant regex:
                if (RegexTranslator.TryCompile(regex.Value, out var error) is null)
                {
                    Add(regex.Span, error!);
                }

                break;
            case ComparisonOperator.IsSubset or ComparisonOperator.IsSuperset when comparison.Value is StringConstant ip:
                VisitIpOperand(comparison.Path, ip);
                break;
            default:
                break;
        }
    }

    private void VisitIpOperand(ObjectPath path, StringConstant operand)
    {
        if (path.Steps[^1] is not PropertyStep { Name: "value" })
        {
            Add(path.Span, PatternMessages.IpPathNotValue);
        }

        var direct = path.Steps.Count == 1;
        var wantV4 = direct && path.ObjectType == "ipv4-addr";
        var wantV6 = direct && path.ObjectType == "ipv6-addr";
        var ok = IpNetwork.TryParse(operand.Value, out var network) && !(wantV4 && network.IsV6) && !(wantV6 && !network.IsV6);
        if (!ok)
        {
            Add(operand.Span, PatternMessages.InvalidIpOperand(
                operand.Value,
                wantV4 ? "an IPv4 address or CIDR block" : wantV6 ? "an IPv6 address or CIDR block" : "an IPv4 or IPv6 address or CIDR block"));
        }
    }

    private static int ConstantFamily(Constant constant) => constant switch
    {
        StringConstant => 0,
        IntegerConstant or FloatConstant => 1,
        BooleanConstant => 2,
        TimestampConstant => 3,
        HexConstant or BinaryConstant => 4,
        _ => 5,
    };

    /// <summary>
    /// The object types a comparison expression can be true for; reports AND between comparisons whose
    /// object types cannot coincide (section 9.5: operands of AND must be satisfiable with the same object).
    /// </summary>
    private HashSet<string> TypesOf(ComparisonExpression expression)
    {
        switch (expression)
        {
            case CompoundComparisonExpression { Operator: BooleanOperator.Or } or:
                var union = TypesOf(or.Left);
                union.UnionWith(TypesOf(or.Right));
                return union;
            case CompoundComparisonExpression and:
                var left = TypesOf(and.Left);
                var right = TypesOf(and.Right);
                if (left.Count == 0 || right.Count == 0)
                {
                    return [];
                }

                var common = new HashSet<string>(left, StringComparer.Ordinal);
                common.IntersectWith(right);
                if (common.Count == 0)
                {
                    Add(and.Span, PatternMessages.AndAcrossTypes(Describe(left), Describe(right)));
                }

                return common;
            case PropertyComparison comparison:
                return new HashSet<string>(StringComparer.Ordinal) { comparison.Path.ObjectType };
            case ExistsComparison exists:
                return new HashSet<string>(StringComparer.Ordinal) { exists.Path.ObjectType };
            default:
                return [];
        }
    }

    private static string Describe(HashSet<string> types) => string.Join(", ", types.Order(StringComparer.Ordinal));
}
