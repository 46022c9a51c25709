// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Tests.Model;

/// <summary>
/// Structural JSON equality: objects as unordered sets of keys, arrays in order, numbers by their
/// raw text (so <c>1.0</c> and <c>1</c> differ, as they would to a signature), strings exactly.
/// </summary>
internal static class JsonDeepEquality
{
    /// <summary>Whether two values are equal; on a difference, the JSON path of the first one.</summary>
    public static bool AreEqual(JsonElement expected, JsonElement actual, out string difference) =>
        Compare(expected, actual, "$", out difference);

    /// <summary>Asserts that two values are equal, naming the path of the first difference.</summary>
    public static void AssertEqual(JsonElement expected, JsonElement actual)
    {
        if (!AreEqual(expected, actual, out var difference))
        {
            Assert.Fail($"JSON values differ at {difference}.");
        }
    }

    private static bool Compare(JsonElement a, JsonElement b, string path, out string difference)
    {
        difference = path;
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = ToMap(a);
                var right = ToMap(b);
                if (left is null || right is null || left.Count != right.Count)
                {
                    return false;
                }

                foreach (var (name, value) in left)
                {
                    if (!right.TryGetValue(name, out var other))
                    {
                        difference = $"{path}.{name}";
                        return false;
                    }

                    if (!Compare(value, other, $"{path}.{name}", out difference))
                    {
                        return false;
                    }
                }

                return true;

            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                var i = 0;
                using (var ea = a.EnumerateArray().GetEnumerator())
                using (var eb = b.EnumerateArray().GetEnumerator())
                {
                    while (ea.MoveNext() && eb.MoveNext())
                    {
                        if (!Compare(ea.Current, eb.Current, $"{path}[{i}]", out difference))
                        {
                            return false;
                        }

                        i++;
                    }
                }

                return true;

            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);

            case JsonValueKind.Number:
                return string.Equals(a.GetRawText(), b.GetRawText(), StringComparison.Ordinal);

            default:
                // true, false, null: the kind is the value.
                return true;
        }
    }

    // A duplicated key makes the object ambiguous; such objects compare unequal.
    private static Dictionary<string, JsonElement>? ToMap(JsonElement element)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!map.TryAdd(property.Name, property.Value))
            {
                return null;
            }
        }

        return map;
    }
}
