// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Tests.Model;

/// <summary>The equality the round-trip tests rely on must itself tell values apart.</summary>
public sealed class JsonDeepEqualityTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null,"x"]}""", """{"b":[true,null,"x"],"a":1}""")]
    [InlineData("""{"a":{"c":2.50,"d":"é"}}""", """{ "a" : { "d" : "\u00e9", "c" : 2.50 } }""")]
    [InlineData("[]", "[ ]")]
    public void Values_that_differ_only_in_key_order_or_whitespace_are_equal(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.True(JsonDeepEquality.AreEqual(a.RootElement, b.RootElement, out _));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1.0}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", "$")]
    [InlineData("""{"a":1}""", """{"b":1}""", "$.a")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]")]
    [InlineData("""{"a":"X"}""", """{"a":"x"}""", "$.a")]
    [InlineData("""{"a":true}""", """{"a":false}""", "$.a")]
    [InlineData("""{"a":null}""", """{"a":"null"}""", "$.a")]
    [InlineData("""{"a":1,"a":1}""", """{"a":1,"b":1}""", "$")]
    public void Values_that_differ_are_unequal_and_the_first_difference_is_located(string left, string right, string path)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.False(JsonDeepEquality.AreEqual(a.RootElement, b.RootElement, out var difference));
        Assert.Equal(path, difference);
    }
}
