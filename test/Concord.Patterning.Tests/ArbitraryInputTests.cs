// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using CsCheck;

namespace Concord.Patterning.Tests;

/// <summary>On arbitrary input the parser returns a pattern or its own positioned errors, never another exception.</summary>
public sealed class ArbitraryInputTests
{
    private static readonly string[] Fragments =
    [
        "[", "]", "(", ")", "'", "\\", ":", ".", "[*]", "[0]", " AND ", " OR ", " FOLLOWEDBY ", " NOT ", " = ", " != ", " < ", " >= ", " IN ",
        " LIKE ", " MATCHES ", " ISSUBSET ", " ISSUPERSET ", " EXISTS ", " WITHIN ", " SECONDS", " START ", " STOP ", " REPEATS ", " TIMES",
        "t'2016-01-01T00:00:00Z'", "h'ff00'", "b'AAEC'", "'198.51.100.0/24'", "1", "-2", "3.5", "true", "ipv4-addr", "value", "file",
        "hashes.'SHA-256'", "_ref", "network-traffic:dst_ref.value", "'(?<=a)b'", "'a{2,}'", "x", " ", "\n", "\u00e9", "\ud83d\ude00",
    ];

    private static readonly Gen<string> PatternLike = Gen.OneOf(Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]), Gen.Char.Select(c => c.ToString()))
        .Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void Arbitrary_text_parses_or_gives_positioned_errors()
    {
        Gen.OneOf(PatternLike, Gen.String).Sample(text =>
        {
            var result = StixPattern.Analyze(text);
            if (result.IsSuccess)
            {
                Assert.Equal(result.Pattern!.Root, StixPattern.Parse(result.Pattern.ToCanonicalString()).Root);
            }
            else
            {
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e => Assert.InRange(e.Offset, 0, text.Length));
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            }
        }, iter: 20_000);
    }
}
