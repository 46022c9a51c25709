// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Testing;

namespace Concord.Patterning.Tests;

/// <summary>Every pattern in the specification's section 9 and in the shared example bundles parses.</summary>
public sealed partial class SpecExampleTests
{

    /// <summary>
    /// Section 9 illustrates some points with pseudo-patterns that are not in the grammar: placeholder
    /// paths such as <c>[ a ]</c> or <c>a = 'b'</c>, and <c>WITHIN 5 MINUTES</c>. They are listed here
    /// so that every other block must parse.
    /// </summary>
    private static readonly string[] Illustrations =
    [
        "[type-a:property-j = 'W' AND type-a:property-k = 'X' OR type-a:property-l = 'Z']",
        "[(type-a:property-j = 'W' AND type-a:property-k = 'X') OR (type-b:property-m = 'Y' AND type-b:property-n = 'Z')]",
        "([ a ] AND [ b ] REPEATS 5 TIMES) WITHIN 5 MINUTES",
        "([ a ] AND [ b ]) REPEATS 5 TIMES WITHIN 5 MINUTES",
        "[ a = 'b' ] FOLLOWEDBY [ c = 'd' ] REPEATS 5 TIMES",
        "([ a = 'b' ] FOLLOWEDBY [ c = 'd' ]) REPEATS 5 TIMES",
        "[ b ] FOLLOWEDBY [ c ] REPEATS 5 TIMES",
    ];

    public static TheoryData<string> SpecPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var pattern in ExtractSpecPatterns())
        {
            data.Add(pattern);
        }

        return data;
    }

    public static TheoryData<string> ExampleIndicatorPatterns()
    {
        var data = new TheoryData<string>();
        if (SharedData.Root is null)
        {
            return data;
        }

        foreach (var file in Directory.GetFiles(SharedData.PathOf("data", "stix-examples"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var pattern in IndicatorPatterns(document.RootElement))
            {
                data.Add(pattern);
            }
        }

        return data;
    }

    [SharedDataFact]
    public void Section_9_yields_at_least_40_example_patterns()
    {
        Assert.True(ExtractSpecPatterns().Count >= 40, "expected at least 40 example patterns in section 9");
    }

    [SharedDataTheory]
    [MemberData(nameof(SpecPatterns))]
    public void Every_example_pattern_of_section_9_parses(string pattern)
    {
        var ok = StixPattern.TryParse(pattern, out var parsed, out var error);
        Assert.True(ok, $"{pattern}\n{error}");
        Assert.NotNull(parsed);
        Assert.Equal(parsed.Root.ToString(), StixPattern.Parse(parsed.ToCanonicalString()).ToCanonicalString());
    }

    [SharedDataFact]
    public void The_illustrative_pseudo_patterns_of_section_9_are_rejected()
    {
        foreach (var illustration in Illustrations)
        {
            Assert.False(StixPattern.TryParse(illustration, out _, out _), illustration);
        }
    }

    [SharedDataFact]
    public void The_example_bundles_hold_indicator_patterns()
    {
        Assert.NotEmpty(ExampleIndicatorPatterns());
    }

    [SharedDataTheory]
    [MemberData(nameof(ExampleIndicatorPatterns))]
    public void Every_indicator_pattern_of_the_example_bundles_parses(string pattern)
    {
        Assert.True(StixPattern.TryParse(pattern, out _, out var error), $"{pattern}\n{error}");
        Assert.Null(new StixPatternChecker().Check("stix", pattern));
    }

    private static List<string> ExtractSpecPatterns()
    {
        var patterns = new List<string>();
        if (SharedData.Root is null)
        {
            return patterns;
        }

        var lines = File.ReadAllLines(SharedData.PathOf("specs", "stix-v2.1.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("# 9. STIX Patterning", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("# 10. ", StringComparison.Ordinal));
        var section = string.Join('\n', lines[start..end]);

        // Fenced code blocks that are patterns (start with '[' or '('); JSON blocks start with '{'.
        foreach (Match block in FencedBlock().Matches(section))
        {
            var body = block.Groups["body"].Value.Trim();
            if (body.StartsWith('"'))
            {
                // Section 9.6.4 quotes comparison expressions: "artifact:payload_bin = '…'", "…".
                foreach (Match quoted in QuotedComparison().Matches(body))
                {
                    patterns.Add("[" + quoted.Groups["body"].Value + "]");
                }
            }
            else if (body.Length > 0 && body[0] is '[' or '(')
            {
                var pattern = string.Join(' ', body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                if (!Illustrations.Contains(pattern))
                {
                    patterns.Add(pattern);
                }
            }
        }

        // Patterns quoted in the qualifier and operator tables, e.g. <pre><code>([file:… ]) WITHIN 120 SECONDS</code></pre>.
        foreach (Match code in PreCode().Matches(section))
        {
            var body = System.Net.WebUtility.HtmlDecode(code.Groups["body"].Value).Trim();
            if (body.StartsWith('[') || body.StartsWith('('))
            {
                if (!Illustrations.Contains(body))
                {
                    patterns.Add(body);
                }
            }
            else if (body.Contains(':', StringComparison.Ordinal))
            {
                // A comparison expression from the operator tables: wrap it in an observation expression.
                patterns.Add("[" + body + "]");
            }
        }

        return patterns;
    }

    private static IEnumerable<string> IndicatorPatterns(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "indicator"
                && element.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String
                && (!element.TryGetProperty("pattern_type", out var patternType) || patternType.GetString() == "stix"))
            {
                yield return pattern.GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in IndicatorPatterns(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in IndicatorPatterns(item))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex("```[^\\n]*\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("\"(?<body>[a-z0-9-]+:[^\"]+)\"")]
    private static partial Regex QuotedComparison();

    [GeneratedRegex("<pre><code>(?<body>.*?)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex PreCode();
}
