// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;

namespace Concord.Detection.Internal;

/// <summary>
/// Evaluates the comparison expressions that need no reference resolution, regular expression or
/// normalization — <c>=</c> and <c>IN</c> with strings or integers, <c>ISSUBSET</c>, <c>EXISTS</c> on
/// plain property paths, joined by AND/OR — directly on the JSON, with the same result as the
/// reference <see cref="ComparisonEvaluator"/> and without its allocations.
/// </summary>
internal abstract class FastComparison
{
    /// <summary>Whether the expression holds with every object path starting from <paramref name="root"/>.</summary>
    public abstract bool Evaluate(JsonElement root, Observation observation);

    /// <summary>The fast form of an expression, or null when it needs the reference evaluator.</summary>
    public static FastComparison? Create(ComparisonExpression expression)
    {
        switch (expression)
        {
            case CompoundComparisonExpression compound:
                var left = Create(compound.Left);
                var right = Create(compound.Right);
                return left is null || right is null ? null : new Compound(compound.Operator == BooleanOperator.And, left, right);
            case ExistsComparison exists:
                return new Exists(new PathWalker(exists.Path));
            case PropertyComparison { Negated: false } comparison when !IsBinary(comparison.Path):
                var path = new PathWalker(comparison.Path);
                return comparison switch
                {
                    { Operator: ComparisonOperator.Equal, Value: StringConstant s } => new StringIn(path, [s.Value]),
                    { Operator: ComparisonOperator.In, Value: SetConstant set } when set.Items.All(i => i is StringConstant) =>
                        new StringIn(path, [.. set.Items.Cast<StringConstant>().Select(i => i.Value)]),
                    { Operator: ComparisonOperator.Equal, Value: IntegerConstant i } => new IntegerEqual(path, i.Value),
                    { Operator: ComparisonOperator.IsSubset, Value: StringConstant s } =>
                        IpNetwork.TryParse(s.Value, out var block) ? new Subset(path, block) : null,
                    { Operator: ComparisonOperator.Like, Value: StringConstant s } => new RegexMatch(path, () => ComparisonEvaluator.LikeToRegex(s.Value), normalize: false),
                    { Operator: ComparisonOperator.Matches, Value: StringConstant s } => new RegexMatch(path, () => RegexTranslator.TryCompile(s.Value, out _), normalize: true),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool IsBinary(ObjectPath path)
    {
        var last = path.Steps.OfType<PropertyStep>().Last().Name;
        return last.EndsWith("_bin", StringComparison.Ordinal) || last.EndsWith("_hex", StringComparison.Ordinal);
    }

    private sealed class Compound(bool and, FastComparison left, FastComparison right) : FastComparison
    {
        public override bool Evaluate(JsonElement root, Observation observation) => and
            ? left.Evaluate(root, observation) && right.Evaluate(root, observation)
            : left.Evaluate(root, observation) || right.Evaluate(root, observation);
    }

    private sealed class Exists(PathWalker path) : FastComparison
    {
        public override bool Evaluate(JsonElement root, Observation observation) => path.Any(root, observation, static _ => true);
    }

    /// <summary>Strings compare by code point, so equality is ordinal equality.</summary>
    private sealed class StringIn(PathWalker path, string[] values) : FastComparison
    {
        private readonly Func<JsonElement, bool> holds = value =>
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            foreach (var candidate in values)
            {
                if (value.ValueEquals(candidate))
                {
                    return true;
                }
            }

            return false;
        };

        public override bool Evaluate(JsonElement root, Observation observation) => path.Any(root, observation, holds);
    }

    /// <summary>Integers compare as the reference does: as 64-bit integers, else decimals, else doubles.</summary>
    private sealed class IntegerEqual(PathWalker path, long constant) : FastComparison
    {
        private readonly Func<JsonElement, bool> holds = value =>
            value.ValueKind == JsonValueKind.Number
            && (value.TryGetInt64(out var l) ? l == constant : value.TryGetDecimal(out var d) ? d == constant : value.GetDouble().CompareTo(constant) == 0);

        public override bool Evaluate(JsonElement root, Observation observation) => path.Any(root, observation, holds);
    }

    private sealed class Subset(PathWalker path, IpNetwork block) : FastComparison
    {
        private readonly Func<JsonElement, bool> holds = value =>
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            Span<char> buffer = stackalloc char[64];
            var text = LineContext.Chars(value, buffer, out var allocated);
            return Networks.TryParse(text, allocated, out var network) && network.IsSubsetOf(block);
        };

        public override bool Evaluate(JsonElement root, Observation observation) => path.Any(root, observation, holds);
    }

    /// <summary>
    /// LIKE on the string as it is, MATCHES on its NFC form (section 9.6.1); an expression that does not
    /// compile never holds. Compiled on first use, as the reference evaluator does: a linear-time regex
    /// is costly to build and to keep, and the prefilter means most are never run.
    /// </summary>
    private sealed class RegexMatch : FastComparison
    {
        private readonly PathWalker path;
        private readonly Lazy<CachedRegex?> regex;
        private readonly Func<JsonElement, bool> holds;

        public RegexMatch(PathWalker path, Func<CachedRegex?> compile, bool normalize)
        {
            this.path = path;
            regex = new Lazy<CachedRegex?>(compile, LazyThreadSafetyMode.None);
            holds = value =>
            {
                if (value.ValueKind != JsonValueKind.String || regex.Value is not { } compiled)
                {
                    return false;
                }

                var text = value.GetString()!;
                return compiled.IsMatch(normalize ? text.Normalize(NormalizationForm.FormC) : text);
            };
        }

        public override bool Evaluate(JsonElement root, Observation observation) => path.Any(root, observation, holds);
    }

    /// <summary>
    /// Follows an object path as <see cref="ComparisonEvaluator.Resolve"/> does — the root's type, then
    /// properties (a property named <c>_ref</c>/<c>_refs</c> is dereferenced among the observation's
    /// objects by the next step), list indices and <c>[*]</c>, null values dropped — and tests each value
    /// it reaches, stopping at the first that holds.
    /// </summary>
    private sealed class PathWalker
    {
        private readonly byte[] type;
        private readonly Step[] steps;

        public PathWalker(ObjectPath path)
        {
            type = Encoding.UTF8.GetBytes(path.ObjectType);
            steps = [.. path.Steps.Select(s => s switch
            {
                PropertyStep p => new Step(Encoding.UTF8.GetBytes(p.Name), p.Name, p.Name.EndsWith("_ref", StringComparison.Ordinal) || p.Name.EndsWith("_refs", StringComparison.Ordinal), null, false),
                IndexStep i => new Step(null, null, false, i.Index, true),
                _ => throw new ArgumentException("unknown path step", nameof(path)),
            })];
        }

        public bool Any(JsonElement root, Observation observation, Func<JsonElement, bool> holds) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type"u8, out var rootType)
            && rootType.ValueKind == JsonValueKind.String && rootType.ValueEquals(type)
            && Walk(root, false, 0, observation, holds);

        private bool Walk(JsonElement value, bool isReference, int index, Observation observation, Func<JsonElement, bool> holds)
        {
            if (index == steps.Length)
            {
                return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && holds(value);
            }

            var step = steps[index];
            if (!step.IsIndex)
            {
                var container = value;
                if (isReference && value.ValueKind == JsonValueKind.String && !observation.TryResolve(value.GetString()!, out container))
                {
                    return false;
                }

                return container.ValueKind == JsonValueKind.Object && container.TryGetProperty(step.Utf8Name!, out var child)
                    && child.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                    && Walk(child, step.IsReference, index + 1, observation, holds);
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            if (step.Index is { } i)
            {
                return i >= 0 && i < value.GetArrayLength() && Walk(value[(int)i], isReference, index + 1, observation, holds);
            }

            foreach (var item in value.EnumerateArray())
            {
                if (Walk(item, isReference, index + 1, observation, holds))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed record Step(byte[]? Utf8Name, string? Name, bool IsReference, long? Index, bool IsIndex);
    }
}
