// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Ast;
using Concord.Stix;

namespace Concord.Patterning.Tests;

/// <summary>The parser builds the AST the grammar and precedence rules of section 9 describe.</summary>
public sealed class ParserTests
{
    private static readonly string[] QualifierTexts =
    [
        "WITHIN 300 SECONDS",
        "REPEATS 5 TIMES",
        "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
    ];

    public static TheoryData<string> QualifierCombinations()
    {
        var data = new TheoryData<string>();
        int[][] orders = [[0], [1], [2], [0, 1], [1, 0], [0, 2], [2, 0], [1, 2], [2, 1], [0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var order in orders)
        {
            data.Add(string.Join(' ', order.Select(i => QualifierTexts[i])));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QualifierCombinations))]
    public void Every_combination_of_distinct_qualifiers_parses_in_source_order(string qualifiers)
    {
        foreach (var operand in new[] { "[file:name = 'a']", "([file:name = 'a'] AND [file:name = 'b'])" })
        {
            var root = Assert.IsType<QualifiedPatternExpression>(StixPattern.Parse(operand + " " + qualifiers).Root);
            var kinds = root.Qualifiers.Select(q => q switch
            {
                WithinQualifier => "WITHIN",
                RepeatsQualifier => "REPEATS",
                _ => "START",
            });
            Assert.Equal(qualifiers.Split(' ').Where(w => w is "WITHIN" or "REPEATS" or "START"), kinds);
        }
    }

    [Fact]
    public void A_simple_pattern_has_the_expected_tree_and_positions()
    {
        const string text = "[file:hashes.'SHA-256' = 'aec0' AND file:size > 10]";
        var root = Assert.IsType<ObservationExpression>(StixPattern.Parse(text).Root);
        Assert.Equal(new SourceSpan(0, text.Length), root.Span);
        var and = Assert.IsType<CompoundComparisonExpression>(root.Comparison);
        Assert.Equal(BooleanOperator.And, and.Operator);
        var left = Assert.IsType<PropertyComparison>(and.Left);
        Assert.Equal("file", left.Path.ObjectType);
        Assert.Equal(new SourceSpan(1, 4), left.Path.ObjectTypeSpan);
        Assert.Equal([new PropertyStep("hashes"), new PropertyStep("SHA-256", Quoted: true)], AstTools.WithoutSpans(left.Path).Steps);
        Assert.Equal(new SourceSpan(13, 9), left.Path.Steps[1].Span);
        Assert.Equal(new SourceSpan(25, 6), left.Value.Span);
        Assert.Equal(new SourceSpan(1, 30), left.Span);
        var right = Assert.IsType<PropertyComparison>(and.Right);
        Assert.Equal(ComparisonOperator.GreaterThan, right.Operator);
        Assert.Equal(10, Assert.IsType<IntegerConstant>(right.Value).Value);
    }

    [Fact]
    public void And_binds_tighter_than_or_inside_an_observation_expression()
    {
        var root = (ObservationExpression)StixPattern.Parse("[x-a:aaa = 1 OR x-a:bbb = 2 AND x-a:ccc = 3]").Root;
        var or = Assert.IsType<CompoundComparisonExpression>(root.Comparison);
        Assert.Equal(BooleanOperator.Or, or.Operator);
        Assert.Equal(BooleanOperator.And, Assert.IsType<CompoundComparisonExpression>(or.Right).Operator);
    }

    [Fact]
    public void Operators_associate_to_the_left()
    {
        var root = Assert.IsType<CompoundPatternExpression>(StixPattern.Parse("[x-a:aaa = 1] FOLLOWEDBY [x-a:aaa = 2] FOLLOWEDBY [x-a:aaa = 3]").Root);
        Assert.IsType<CompoundPatternExpression>(root.Left);
        Assert.IsType<ObservationExpression>(root.Right);
    }

    [Fact]
    public void A_qualifier_without_parentheses_applies_to_the_nearest_observation_expression()
    {
        var root = Assert.IsType<CompoundPatternExpression>(StixPattern.Parse("[x-a:aaa = 1] FOLLOWEDBY [x-a:aaa = 2] REPEATS 5 TIMES").Root);
        Assert.IsType<ObservationExpression>(root.Left);
        var qualified = Assert.IsType<QualifiedPatternExpression>(root.Right);
        Assert.Equal(5, Assert.IsType<RepeatsQualifier>(Assert.Single(qualified.Qualifiers)).Count.Value);

        var grouped = Assert.IsType<QualifiedPatternExpression>(StixPattern.Parse("([x-a:aaa = 1] FOLLOWEDBY [x-a:aaa = 2]) REPEATS 5 TIMES").Root);
        Assert.IsType<CompoundPatternExpression>(grouped.Operand);
        Assert.Equal(0, grouped.Operand.Span.Start);
    }

    [Fact]
    public void Constants_of_every_kind_are_decoded()
    {
        Constant ValueOf(string constant) =>
            AstTools.WithoutSpans(((PropertyComparison)((ObservationExpression)StixPattern.Parse("[x-a:aaa = " + constant + "]").Root).Comparison).Value);

        Assert.Equal(new StringConstant("it's a \\ test"), ValueOf("'it\\'s a \\\\ test'"));
        Assert.Equal(new StringConstant(string.Empty), ValueOf("''"));
        Assert.Equal(new IntegerConstant(-42), ValueOf("-42"));
        Assert.Equal(new IntegerConstant(0), ValueOf("0"));
        Assert.Equal(new FloatConstant(-0.25), ValueOf("-.25"));
        Assert.Equal(new FloatConstant(123.456), ValueOf("123.456"));
        Assert.Equal(new BooleanConstant(true), ValueOf("true"));
        Assert.Equal(new BooleanConstant(false), ValueOf("false"));
        Assert.Equal(new TimestampConstant(StixTimestamp.Parse("2014-01-13T07:03:17.123456789Z")), ValueOf("t'2014-01-13T07:03:17.123456789Z'"));
        Assert.Equal(new HexConstant(new ValueList<byte>([0xff, 0xc3])), ValueOf("h'ffc3'"));
        Assert.Equal(new HexConstant(new ValueList<byte>([])), ValueOf("h''"));
        Assert.Equal(new BinaryConstant(new ValueList<byte>([0x00, 0x12])), ValueOf("b'ABI='"));
        Assert.Equal(new BinaryConstant(new ValueList<byte>("this is a test"u8.ToArray())), ValueOf("b'dGhpcyBp\ncyBhIHRlc3Q='"));
    }

    [Fact]
    public void List_indices_and_any_element_are_path_steps()
    {
        var comparison = (PropertyComparison)((ObservationExpression)StixPattern.Parse("[email-message:body_multipart[*].body_raw_ref.name MATCHES '^a'] ").Root).Comparison;
        Assert.Equal(
            [new PropertyStep("body_multipart"), new IndexStep(null), new PropertyStep("body_raw_ref"), new PropertyStep("name")],
            AstTools.WithoutSpans(comparison.Path).Steps);
        Assert.True(((IndexStep)comparison.Path.Steps[1]).IsAny);
        var indexed = (PropertyComparison)((ObservationExpression)StixPattern.Parse("[network-traffic:protocols[0] = 'tcp']").Root).Comparison;
        Assert.Equal(0, ((IndexStep)indexed.Path.Steps[1]).Index);
    }

    [Fact]
    public void Not_and_exists_are_recorded()
    {
        var root = (ObservationExpression)StixPattern.Parse("[file:name NOT LIKE 'a%' AND EXISTS file:size]").Root;
        var and = (CompoundComparisonExpression)root.Comparison;
        var like = Assert.IsType<PropertyComparison>(and.Left);
        Assert.True(like.Negated);
        Assert.Equal(ComparisonOperator.Like, like.Operator);
        Assert.Equal("file:size", Assert.IsType<ExistsComparison>(and.Right).Path.ToString());
    }

    [Theory]
    [InlineData("[file:name='a']")]
    [InlineData("[ file : name = 'a' ]")]
    [InlineData("\t[file:name\r\n=\n'a']\u00A0AND\u2028[file:size\u3000>\u20031]  ")]
    [InlineData("[file:name = 'a']WITHIN 5 SECONDS")]
    [InlineData("([file:name = 'a'])")]
    [InlineData("((([file:name = 'a'])))")]
    [InlineData("[(((file:name = 'a')))]")]
    [InlineData("[process:command_line MATCHES'^.+>-add GlobalSign.cer']")]
    public void Whitespace_of_any_unicode_kind_and_redundant_parentheses_are_accepted(string pattern) =>
        Assert.True(StixPattern.TryParse(pattern, out _, out var error), error?.ToString());

    [Fact]
    public void The_canonical_text_keeps_needed_parentheses_only()
    {
        Assert.Equal(
            "([file:name = 'a'] OR [file:name = 'b']) AND [file:name = 'c'] WITHIN 5 SECONDS",
            StixPattern.Parse("(([file:name='a'] OR [file:name='b'])) AND ([file:name='c']) WITHIN 5 SECONDS").ToCanonicalString());
        Assert.Equal(
            "[file:name = 'a'] FOLLOWEDBY ([file:name = 'b'] FOLLOWEDBY [file:name = 'c'])",
            StixPattern.Parse("[file:name='a'] FOLLOWEDBY ([file:name='b'] FOLLOWEDBY [file:name='c'])").ToCanonicalString());
        Assert.Equal(
            "[(file:name = 'a' OR file:name = 'b') AND file:size = 1.0]",
            StixPattern.Parse("[(file:name = 'a' OR file:name = 'b') AND file:size = 1.0]").ToCanonicalString());
    }

    [Fact]
    public void Analyze_returns_the_pattern_or_every_error()
    {
        var ok = StixPattern.Analyze("[file:name = 'a']");
        Assert.True(ok.IsSuccess);
        Assert.Empty(ok.Errors);
        Assert.Same(ok.Pattern, ok.GetPatternOrThrow());

        var bad = StixPattern.Analyze("[File:Name = 'a']");
        Assert.False(bad.IsSuccess);
        Assert.Equal(2, bad.Errors.Count);
        Assert.Equal(bad.Errors, Assert.Throws<PatternException>(bad.GetPatternOrThrow).Errors);
    }

    [Fact]
    public void A_pattern_built_in_code_is_validated_and_printed()
    {
        var root = new ObservationExpression(new PropertyComparison(
            new ObjectPath("ipv4-addr", new ValueList<PathStep>([new PropertyStep("value")])),
            ComparisonOperator.IsSubset,
            Negated: false,
            new StringConstant("198.51.100.0/24")));
        Assert.Equal("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", StixPattern.FromExpression(root).Text);
        var bad = root with { Comparison = ((PropertyComparison)root.Comparison) with { Value = new StringConstant("nope") } };
        Assert.Throws<PatternException>(() => StixPattern.FromExpression(bad));
    }
}
