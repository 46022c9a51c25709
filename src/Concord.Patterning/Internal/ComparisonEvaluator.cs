// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Patterning.Ast;
using Concord.Stix;

namespace Concord.Patterning.Internal;

/// <summary>
/// Evaluates comparison expressions against one SCO of an observation (section 9.6), following object
/// paths (section 9.7) and comparing in native format.
/// </summary>
internal sealed class ComparisonEvaluator
{
    private readonly Dictionary<PropertyComparison, CachedRegex?> regexes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PropertyComparison, CachedRegex?> binaryRegexes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the comparison expression holds with every object path starting from <paramref name="root"/>.</summary>
    public bool Evaluate(ComparisonExpression expression, Observation observation, JsonElement root) => expression switch
    {
        CompoundComparisonExpression { Operator: BooleanOperator.And } and =>
            Evaluate(and.Left, observation, root) && Evaluate(and.Right, observation, root),
        CompoundComparisonExpression or => Evaluate(or.Left, observation, root) || Evaluate(or.Right, observation, root),
        ExistsComparison exists => Resolve(exists.Path, observation, root).Count > 0,
        PropertyComparison comparison => EvaluateComparison(comparison, observation, root),
        _ => false,
    };

    /// <summary>
    /// Resolves an object path to the values it designates: none when the root has another type or a
    /// step does not resolve, several when a <c>[*]</c> step is used.
    /// </summary>
    internal static List<(JsonElement Value, string Property)> Resolve(ObjectPath path, Observation observation, JsonElement root)
    {
        var current = new List<(JsonElement Value, bool IsReference, string Property)>();
        if (Observation.StringProperty(root, "type") == path.ObjectType)
        {
            current.Add((root, false, string.Empty));
        }

        foreach (var step in path.Steps)
        {
            var next = new List<(JsonElement, bool, string)>();
            foreach (var (value, isReference, property) in current)
            {
                switch (step)
                {
                    case PropertyStep name:
                        var container = value;
                        if (isReference && value.ValueKind == JsonValueKind.String && !observation.TryResolve(value.GetString()!, out container))
                        {
                            continue;
                        }

                        if (container.ValueKind == JsonValueKind.Object && container.TryGetProperty(name.Name, out var child)
                            && child.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                        {
                            var reference = name.Name.EndsWith("_ref", StringComparison.Ordinal) || name.Name.EndsWith("_refs", StringComparison.Ordinal);
                            next.Add((child, reference, name.Name));
                        }

                        break;
                    case IndexStep index when value.ValueKind == JsonValueKind.Array:
                        var length = value.GetArrayLength();
                        if (index.Index is { } i)
                        {
                            if (i >= 0 && i < length)
                            {
                                next.Add((value[(int)i], isReference, property));
                            }
                        }
                        else
                        {
                            foreach (var item in value.EnumerateArray())
                            {
                                next.Add((item, isReference, property));
                            }
                        }

                        break;
                    default:
                        break;
                }
            }

            current = next;
        }

        return [.. current.Where(v => v.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)).Select(v => (v.Value, v.Property))];
    }

    private static bool IsBinaryProperty(string property) =>
        property.EndsWith("_bin", StringComparison.Ordinal) || property.EndsWith("_hex", StringComparison.Ordinal);

    private static byte[]? NativeBytes(JsonElement value, string property)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        if (property.EndsWith("_hex", StringComparison.Ordinal))
        {
            return Binary.TryDecodeHex(text, allowUppercase: true, out var hex) ? hex : null;
        }

        return Binary.TryDecodeBase64(text, ignoreLineFeeds: false, out var bytes) ? bytes : null;
    }

    /// <summary>The octets of a string whose code points are all below U+0100 (section 9.6.4), else null.</summary>
    private static byte[]? Latin1(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u00FF')
            {
                return null;
            }

            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    private static string Latin1String(byte[] bytes) => string.Create(bytes.Length, bytes, (span, b) =>
    {
        for (var i = 0; i < b.Length; i++)
        {
            span[i] = (char)b[i];
        }
    });

    private static int CompareBytes(byte[] left, IReadOnlyList<byte> right)
    {
        var length = Math.Min(left.Length, right.Count);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length.CompareTo(right.Count);
    }

    /// <summary>Compares a property value with a constant in native format; null when the types are incompatible.</summary>
    private static int? Compare(JsonElement value, string property, Constant constant)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when IsBinaryProperty(property):
                var bytes = NativeBytes(value, property);
                IReadOnlyList<byte>? other = constant switch
                {
                    HexConstant hex => hex.Bytes,
                    BinaryConstant binary => binary.Bytes,
                    StringConstant s => Latin1(s.Value),
                    _ => null,
                };
                return bytes is null || other is null ? null : CompareBytes(bytes, other);
            case JsonValueKind.String:
                var text = value.GetString()!;
                switch (constant)
                {
                    case StringConstant s:
                        return CodePointComparer.Compare(text, s.Value);
                    case TimestampConstant t:
                        return StixTimestamp.TryParse(text, out var timestamp) ? timestamp.CompareTo(t.Value) : null;
                    case HexConstant or BinaryConstant:
                        var latin1 = Latin1(text);
                        var constantBytes = constant is HexConstant h ? h.Bytes : ((BinaryConstant)constant).Bytes;
                        return latin1 is null ? null : CompareBytes(latin1, constantBytes);
                    default:
                        return null;
                }

            case JsonValueKind.Number:
                return constant switch
                {
                    IntegerConstant i when value.TryGetInt64(out var l) => l.CompareTo(i.Value),
                    IntegerConstant i when value.TryGetDecimal(out var d) => d.CompareTo((decimal)i.Value),
                    IntegerConstant i => value.GetDouble().CompareTo(i.Value),
                    FloatConstant f => value.GetDouble().CompareTo(f.Value),
                    _ => null,
                };
            case JsonValueKind.True or JsonValueKind.False:
                return constant is BooleanConstant b ? (value.ValueKind == JsonValueKind.True).CompareTo(b.Value) : null;
            default:
                return null;
        }
    }

    private bool EvaluateComparison(PropertyComparison comparison, Observation observation, JsonElement root)
    {
        var values = Resolve(comparison.Path, observation, root);
        if (values.Count == 0)
        {
            // Section 9.6: a path that is not present makes the comparison false, whatever the operator.
            return false;
        }

        var any = values.Any(v => Holds(comparison, v.Value, v.Property));
        return comparison.Negated ? !any : any;
    }

    private bool Holds(PropertyComparison comparison, JsonElement value, string property)
    {
        switch (comparison.Operator)
        {
            case ComparisonOperator.Equal:
                return Compare(value, property, comparison.Value) == 0;
            case ComparisonOperator.NotEqual:
                // Section 9.6.1: incompatible types make != true.
                return Compare(value, property, comparison.Value) is not 0;
            case ComparisonOperator.LessThan:
                return Compare(value, property, comparison.Value) < 0;
            case ComparisonOperator.LessThanOrEqual:
                return Compare(value, property, comparison.Value) <= 0;
            case ComparisonOperator.GreaterThan:
                return Compare(value, property, comparison.Value) > 0;
            case ComparisonOperator.GreaterThanOrEqual:
                return Compare(value, property, comparison.Value) >= 0;
            case ComparisonOperator.In:
                return ((SetConstant)comparison.Value).Items.Any(item => Compare(value, property, item) == 0);
            case ComparisonOperator.Like:
            case ComparisonOperator.Matches:
                var subject = TextOf(value, property, normalize: comparison.Operator == ComparisonOperator.Matches);
                return subject is not null && RegexFor(comparison, IsBinaryProperty(property))?.IsMatch(subject) == true;
            case ComparisonOperator.IsSubset:
            case ComparisonOperator.IsSuperset:
                if (value.ValueKind != JsonValueKind.String || !IpNetwork.TryParse(value.GetString()!, out var left)
                    || !IpNetwork.TryParse(((StringConstant)comparison.Value).Value, out var right))
                {
                    return false;
                }

                return comparison.Operator == ComparisonOperator.IsSubset ? left.IsSubsetOf(right) : right.IsSubsetOf(left);
            default:
                return false;
        }
    }

    /// <summary>
    /// The text LIKE and MATCHES work on: a string property (NFC-normalized for MATCHES, section 9.6.1), or
    /// the octets of a binary property as code points U+0000..U+00FF.
    /// </summary>
    private static string? TextOf(JsonElement value, string property, bool normalize)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (IsBinaryProperty(property))
        {
            return NativeBytes(value, property) is { } bytes ? Latin1String(bytes) : null;
        }

        var text = value.GetString()!;
        return normalize ? text.Normalize(NormalizationForm.FormC) : text;
    }

    private CachedRegex? RegexFor(PropertyComparison comparison, bool binary)
    {
        var cache = binary && comparison.Operator == ComparisonOperator.Matches ? binaryRegexes : regexes;
        if (!cache.TryGetValue(comparison, out var regex))
        {
            var source = ((StringConstant)comparison.Value).Value;
            regex = comparison.Operator == ComparisonOperator.Like ? LikeToRegex(source) : RegexTranslator.TryCompile(source, out _, asciiClasses: binary);
            cache[comparison] = regex;
        }

        return regex;
    }

    /// <summary>SQL LIKE: <c>%</c> is any run of characters, <c>_</c> one character (code point); the constant is NFC-normalized first.</summary>
    internal static CachedRegex LikeToRegex(string like)
    {
        var normalized = like.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder("^");
        foreach (var rune in normalized.EnumerateRunes())
        {
            builder.Append(rune.Value switch
            {
                '%' => ".*",
                '_' => "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|.)",
                _ => Regex.Escape(rune.ToString()),
            });
        }

        // Escaped literals, `.*` and one alternation of two branches: nothing the linear-time engine could refuse.
        return RegexCache.Get(builder.Append("\\z").ToString(), verifyLinear: false);
    }
}
