// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Patterning.Ast;
using Concord.Stix;
using CsCheck;

namespace Concord.Patterning.Tests;

/// <summary>Property-based tests: generated ASTs print to text that parses back to an equal AST.</summary>
public sealed class RoundTripTests
{
    private static readonly string[] Types = ["file", "ipv4-addr", "network-traffic", "x-custom-thing"];
    private static readonly string[] FirstNames = ["name", "size", "hashes", "value", "src_ref", "extensions", "id", "and_more"];
    private static readonly string[] Keys = ["SHA-256", "MD5", "x.y", "windows-pebinary-ext", "name", "AND", "_private"];
    private static readonly string[] SafeRegexes = ["^a.*b$", "\\d{2,4}", "(?i)foo|bar", "[^\\]x]+", "\\x{263A}", "a+?b*"];
    private static readonly string[] Cidrs = ["198.51.100.0/24", "203.0.113.7", "10.0.0.0/8"];

    private static readonly Gen<long> StixIntegers = Gen.Long[-((1L << 53) - 1), (1L << 53) - 1];

    private static readonly Gen<string> AnyString = Gen.OneOf(
        Gen.String,
        Gen.OneOf("it's", "back\\slash", "\\'", "", "é\u0301", "line\nfeed", "%_"));

    private static readonly Gen<StixTimestamp> Timestamps =
        Gen.Select(Gen.Long[0, 4_000_000_000], Gen.OneOf("", ".5", ".123", ".123456789012"), (seconds, fraction) =>
            StixTimestamp.Parse(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + "Z"));

    private static readonly Gen<Constant> Scalars = Gen.OneOf<Constant>(
        AnyString.Select(s => (Constant)new StringConstant(s)),
        StixIntegers.Select(l => (Constant)new IntegerConstant(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (Constant)new FloatConstant(d)),
        Gen.Double[-1e-3, 1e-3].Select(d => (Constant)new FloatConstant(d)),
        Gen.Bool.Select(b => (Constant)new BooleanConstant(b)),
        Timestamps.Select(t => (Constant)new TimestampConstant(t)),
        Gen.Byte.Array[0, 6].Select(b => (Constant)new HexConstant(new ValueList<byte>(b))),
        Gen.Byte.Array[0, 7].Select(b => (Constant)new BinaryConstant(new ValueList<byte>(b))));

    private static readonly Gen<PathStep> Steps = Gen.OneOf<PathStep>(
        Gen.Select(Gen.OneOf(Keys), Gen.Bool, (k, q) => (PathStep)new PropertyStep(k, q || k.Contains('-', StringComparison.Ordinal) || k.Contains('.', StringComparison.Ordinal))),
        Gen.Long[0, 5].Select(i => (PathStep)new IndexStep(i)),
        Gen.Const((PathStep)new IndexStep(null)));

    [Fact]
    public void Generated_patterns_print_to_text_that_parses_back_to_an_equal_tree()
    {
        Pattern(3).Sample(
            root =>
            {
                var text = root.ToString();
                var parsed = StixPattern.Parse(text);
                Assert.Equal(root, AstTools.WithoutSpans(parsed.Root));
                Assert.Equal(text, parsed.ToCanonicalString());
            },
            iter: 400,
            print: root => root.ToString());
    }

    [Fact]
    public void Generated_floats_print_without_exponent_and_parse_back_exactly()
    {
        Gen.Double.Where(double.IsFinite).Sample(
            d =>
            {
                var text = $"[file:size = {new FloatConstant(d)}]";
                Assert.DoesNotContain("E", text, StringComparison.Ordinal);
                var comparison = (PropertyComparison)((ObservationExpression)StixPattern.Parse(text).Root).Comparison;
                Assert.Equal(d, ((FloatConstant)comparison.Value).Value);
            },
            iter: 1000);
    }

    private static Gen<ObjectPath> Path(string type) =>
        Gen.Select(Gen.OneOf(FirstNames), Gen.Bool, Steps.Array[0, 3], (first, quoted, steps) =>
            new ObjectPath(type, new ValueList<PathStep>([new PropertyStep(first, quoted), .. steps])));

    private static Gen<ComparisonExpression> Leaf(string type) => Gen.OneOf<ComparisonExpression>(
        Gen.Select(Path(type), Gen.OneOf(ComparisonOperator.Equal, ComparisonOperator.NotEqual), Gen.Bool, Scalars, (p, op, not, c) =>
            (ComparisonExpression)new PropertyComparison(p, op, not, c)),
        Gen.Select(
            Path(type),
            Gen.OneOf(ComparisonOperator.LessThan, ComparisonOperator.LessThanOrEqual, ComparisonOperator.GreaterThan, ComparisonOperator.GreaterThanOrEqual),
            Gen.Bool,
            Scalars.Where(c => c is not BooleanConstant),
            (p, op, not, c) => (ComparisonExpression)new PropertyComparison(p, op, not, c)),
        Gen.Select(Path(type), Gen.Bool, StixIntegers.Array[1, 4], (p, not, items) =>
            (ComparisonExpression)new PropertyComparison(p, ComparisonOperator.In, not, new SetConstant(new ValueList<Constant>(items.Select(i => new IntegerConstant(i)))))),
        Gen.Select(Path(type), Gen.Bool, AnyString, (p, not, s) => (ComparisonExpression)new PropertyComparison(p, ComparisonOperator.Like, not, new StringConstant(s))),
        Gen.Select(Path(type), Gen.Bool, Gen.OneOf(SafeRegexes), (p, not, s) => (ComparisonExpression)new PropertyComparison(p, ComparisonOperator.Matches, not, new StringConstant(s))),
        Gen.Select(Gen.OneOf(ComparisonOperator.IsSubset, ComparisonOperator.IsSuperset), Gen.Bool, Gen.OneOf(Cidrs), (op, not, cidr) =>
            (ComparisonExpression)new PropertyComparison(new ObjectPath(type, new ValueList<PathStep>([new PropertyStep("value")])), op, not, new StringConstant(cidr))),
        Path(type).Select(p => (ComparisonExpression)new ExistsComparison(p)));

    private static Gen<ComparisonExpression> Comparison(string type, int depth) => depth == 0
        ? Leaf(type)
        : Gen.OneOf(
            Leaf(type),
            Gen.Select(Gen.OneOf(BooleanOperator.And, BooleanOperator.Or), Comparison(type, depth - 1), Comparison(type, depth - 1), (op, l, r) =>
                (ComparisonExpression)new CompoundComparisonExpression(op, l, r)));

    private static Gen<PatternExpression> Observation() =>
        Gen.OneOf(Types).SelectMany(type => Comparison(type, 2)).Select(c => (PatternExpression)new ObservationExpression(c));

    private static Gen<Qualifier> Qualifier(int kind) => kind switch
    {
        0 => Gen.OneOf<Constant>(
                Gen.Long[1, 100_000].Select(l => (Constant)new IntegerConstant(l)),
                Gen.Double[0.001, 10_000].Select(d => (Constant)new FloatConstant(d)))
            .Select(c => (Qualifier)new WithinQualifier(c)),
        1 => Gen.Long[1, 50].Select(l => (Qualifier)new RepeatsQualifier(new IntegerConstant(l))),
        _ => Gen.Select(Timestamps, Timestamps, (a, b) => (a, b)).Where(p => p.a != p.b).Select(p =>
            (Qualifier)new StartStopQualifier(new TimestampConstant(p.a < p.b ? p.a : p.b), new TimestampConstant(p.a < p.b ? p.b : p.a))),
    };

    private static Gen<PatternExpression> Pattern(int depth)
    {
        if (depth == 0)
        {
            return Observation();
        }

        var qualifierKinds = Gen.OneOf<int[]>([0], [1], [2], [0, 1], [1, 0], [2, 0, 1], [1, 2]);
        return Gen.OneOf(
            Observation(),
            Gen.Select(Gen.OneOf(ObservationOperator.And, ObservationOperator.Or, ObservationOperator.FollowedBy), Pattern(depth - 1), Pattern(depth - 1), (op, l, r) =>
                (PatternExpression)new CompoundPatternExpression(op, l, r)),
            Gen.Select(Pattern(depth - 1), qualifierKinds, (operand, kinds) => (operand, kinds)).SelectMany(x =>
                QualifierList(x.kinds).Select(q => (PatternExpression)new QualifiedPatternExpression(x.operand, new ValueList<Qualifier>(q)))));
    }

    private static Gen<Qualifier[]> QualifierList(int[] kinds) => kinds.Length switch
    {
        1 => Qualifier(kinds[0]).Select(q => new[] { q }),
        2 => Gen.Select(Qualifier(kinds[0]), Qualifier(kinds[1]), (a, b) => new[] { a, b }),
        _ => Gen.Select(Qualifier(kinds[0]), Qualifier(kinds[1]), Qualifier(kinds[2]), (a, b, c) => new[] { a, b, c }),
    };
}
