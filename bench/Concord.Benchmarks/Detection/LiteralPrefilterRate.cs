// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Detection.Internal;
using Concord.Testing;

namespace Concord.Benchmarks.Detection;

/// <summary>
/// How often the literal search's bitmap lets a value through that holds none of the LIKE and MATCHES
/// literals: the literals the workload's indicators require, searched in the values those patterns look at
/// (<c>value</c>, <c>name</c> and <c>command_line</c> of every object) of the first lines of the stream.
/// </summary>
internal static partial class LiteralPrefilterRate
{
    private static readonly string[] SearchedProperties = ["value", "name", "command_line"];

    public static string Measure(DetectionWorkload workload, int indicatorCount, string file, int lineCount)
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in workload.Indicators(indicatorCount))
        {
            using var document = JsonDocument.Parse(json);
            foreach (Match comparison in Comparison().Matches(document.RootElement.GetProperty("pattern").GetString()!))
            {
                var constant = Unescape().Replace(comparison.Groups["constant"].Value, "$1");
                var literal = comparison.Groups["operator"].Value == "LIKE"
                    ? RequiredLiterals.ForLike(constant.Normalize(NormalizationForm.FormC))
                    : RequiredLiterals.ForRegex(constant);
                if (literal is not null)
                {
                    literals.Add(literal);
                }
            }
        }

        var search = AnchoredLiterals.Build([.. literals]);
        long values = 0, windows = 0, passedWindows = 0, holding = 0, passedWithout = 0;
        foreach (var line in File.ReadLines(file).Take(lineCount))
        {
            using var document = JsonDocument.Parse(line);
            foreach (var value in SearchedValues(document.RootElement))
            {
                var sink = new Counting();
                var passed = search.Search(value, ref sink);
                values++;
                windows += value.Length;
                passedWindows += passed;
                holding += sink.Count > 0 ? 1 : 0;
                passedWithout += sink.Count == 0 && passed > 0 ? 1 : 0;
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"literals={literals.Count} values={values} holding-a-literal={holding / (double)values:P1} false-positive-values={passedWithout / (double)(values - holding):P1} windows-through-bitmap={passedWindows / (double)windows:P2}");
    }

    private static IEnumerable<string> SearchedValues(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && SearchedProperties.Contains(property.Name))
                    {
                        yield return property.Value.GetString()!;
                    }

                    foreach (var nested in SearchedValues(property.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in SearchedValues(item))
                    {
                        yield return nested;
                    }
                }

                break;
            default:
                break;
        }
    }

    // A LIKE or MATCHES comparison with its string constant, escapes included (STIX 2.1 section 9.3).
    [GeneratedRegex(@"\b(?<operator>LIKE|MATCHES) '(?<constant>(?:[^'\\]|\\.)*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\\(.)", RegexOptions.CultureInvariant)]
    private static partial Regex Unescape();

    private struct Counting : ILiteralSink
    {
        public int Count { get; private set; }

        public void Found(int literal) => Count++;
    }
}
