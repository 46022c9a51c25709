// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;

namespace Concord.Detection.Internal;

/// <summary>
/// Indexes observation expressions (leaves) by a condition every observation they match must meet,
/// so that an observation meets only its candidate leaves: exact string values per (object type,
/// property path) for <c>=</c> and <c>IN</c>, CIDR blocks for <c>ISSUBSET</c>, required literals of
/// <c>LIKE</c> and <c>MATCHES</c> in an anchored multi-string search, and otherwise the object type alone.
/// </summary>
/// <remarks>
/// The condition is necessary, never sufficient: every candidate is then evaluated with the reference
/// semantics. For <c>AND</c> one operand's condition suffices; <c>OR</c> needs both operands indexed.
/// Not thread-safe; a literal search changed by adds or removes is rebuilt by <see cref="Prepare"/>, or else at its next use.
/// </remarks>
internal sealed class LeafIndex
{
    private readonly Dictionary<string, TypeEntry> types = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Registration>> registrations = [];
    private readonly Dictionary<string, TypeEntry>.AlternateLookup<ReadOnlySpan<char>> typesByChars;
    private readonly PathTrie paths = new();
    private (byte[] Utf8, TypeEntry Entry)[] typeArray = [];

    public LeafIndex() => typesByChars = types.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether no leaf is registered.</summary>
    public bool IsEmpty => types.Count == 0;

    /// <summary>The object paths the indexes look values up at, for <see cref="LineScan"/>.</summary>
    public PathTrie Paths => paths;

    /// <summary>Registers a leaf under its condition.</summary>
    public void Add(int leaf, ObservationExpression expression)
    {
        var keys = Condition(expression.Comparison);
        var list = new List<Registration>();
        if (keys is null)
        {
            foreach (var type in ObjectTypes(expression.Comparison))
            {
                list.Add(new Registration(type, null, Kind.Scan, null, default));
            }
        }
        else
        {
            list.AddRange(keys);
        }

        foreach (var registration in list)
        {
            Entry(registration.Type).Add(registration, leaf, paths);
        }

        registrations[leaf] = list;
    }

    /// <summary>Removes a leaf.</summary>
    public void Remove(int leaf)
    {
        if (registrations.Remove(leaf, out var list))
        {
            foreach (var registration in list)
            {
                if (types.TryGetValue(registration.Type, out var entry))
                {
                    entry.Remove(registration, leaf);
                    if (entry.IsEmpty)
                    {
                        types.Remove(registration.Type);
                        RefreshTypes();
                    }
                }
            }
        }
    }

    /// <summary>Builds the literal searches that changes left to build at their next use.</summary>
    public void Prepare()
    {
        foreach (var entry in types.Values)
        {
            entry.Prepare();
        }
    }

    /// <summary>Adds the candidate leaves for one root object of an observation.</summary>
    public void Probe(Observation observation, JsonElement root, CandidateSet candidates) =>
        EntryOf(root)?.Probe(observation, null, root, candidates);

    /// <summary>
    /// Adds the candidate leaves for one object of an input line, resolving references line-wide: a
    /// superset of the candidates of every observation that has the object as a root.
    /// </summary>
    public void Prefilter(LineContext context, JsonElement root, CandidateSet candidates) =>
        EntryOf(root)?.Probe(null, context, root, candidates);

    /// <summary>As <see cref="Prefilter(LineContext, JsonElement, CandidateSet)"/>, with the root's <c>type</c> already found.</summary>
    public void Prefilter(LineContext context, JsonElement root, JsonElement type, CandidateSet candidates) =>
        Find(type)?.Probe(null, context, root, candidates);

    /// <summary>
    /// Adds the candidate leaves for every object of a scanned line, resolving references line-wide to
    /// every object with the id: the same candidates as <see cref="Prefilter(LineContext, JsonElement, CandidateSet)"/>
    /// finds for the line's objects, or more.
    /// </summary>
    public void Prefilter(LineScan scan, ReadOnlySpan<byte> line, CandidateSet candidates)
    {
        foreach (var scanned in scan.Objects)
        {
            if (!scanned.Flattened && scanned.Type.Length >= 0 && Find(LineScan.Slice(line, scanned.Type)) is { } entry)
            {
                entry.Probe(scan, line, scanned, candidates);
            }
        }
    }

    private TypeEntry? EntryOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String ? Find(type) : null;

    /// <summary>The entry of a type (a JSON string).</summary>
    private TypeEntry? Find(JsonElement type)
    {
        var raw = LineContext.RawString(type);
        if (!raw.Contains((byte)'\\'))
        {
            return Find(raw);
        }

        Span<char> buffer = stackalloc char[64];
        return typesByChars.TryGetValue(LineContext.Chars(type, buffer, out _), out var found) ? found : null;
    }

    /// <summary>The entry of a type, from the raw UTF-8 of a string without escapes.</summary>
    private TypeEntry? Find(ReadOnlySpan<byte> raw)
    {
        // A handful of object types: comparing their UTF-8 beats decoding and hashing every object's type.
        if (typeArray.Length <= 16)
        {
            foreach (var (utf8, entry) in typeArray)
            {
                if (raw.SequenceEqual(utf8))
                {
                    return entry;
                }
            }

            return null;
        }

        Span<char> buffer = stackalloc char[64];
        return typesByChars.TryGetValue(LineContext.Chars(raw, buffer, out _), out var found) ? found : null;
    }

    /// <summary>A necessary condition, as index keys of which at least one holds, or null when there is none to index.</summary>
    private static List<Registration>? Condition(ComparisonExpression comparison)
    {
        switch (comparison)
        {
            case CompoundComparisonExpression { Operator: BooleanOperator.And } and:
                var left = Condition(and.Left);
                var right = Condition(and.Right);
                if (left is null || right is null)
                {
                    return left ?? right;
                }

                return Cost(right) < Cost(left) ? right : left;
            case CompoundComparisonExpression or:
                var l = Condition(or.Left);
                var r = Condition(or.Right);
                return l is null || r is null ? null : [.. l, .. r];
            case PropertyComparison property when !property.Negated && !IsBinary(property.Path):
                return Keys(property);
            default:
                return null;
        }
    }

    private static int Cost(List<Registration> keys) => keys.Sum(k => k.Kind switch
    {
        Kind.Equal => 1,
        Kind.Cidr => 2,
        _ => 4,
    });

    private static List<Registration>? Keys(PropertyComparison comparison)
    {
        var type = comparison.Path.ObjectType;
        var path = comparison.Path;
        switch (comparison.Operator)
        {
            case ComparisonOperator.Equal when comparison.Value is StringConstant s:
                return [new Registration(type, path, Kind.Equal, s.Value, default)];
            case ComparisonOperator.In when comparison.Value is SetConstant set && set.Items.All(i => i is StringConstant):
                return [.. set.Items.Cast<StringConstant>().Select(i => i.Value).Distinct(StringComparer.Ordinal)
                    .Select(v => new Registration(type, path, Kind.Equal, v, default))];
            case ComparisonOperator.IsSubset when comparison.Value is StringConstant s && IpNetwork.TryParse(s.Value, out var block):
                return [new Registration(type, path, Kind.Cidr, null, block)];
            case ComparisonOperator.Like when comparison.Value is StringConstant s:
                var normalized = s.Value.Normalize(NormalizationForm.FormC);
                if (!normalized.Contains('%', StringComparison.Ordinal) && !normalized.Contains('_', StringComparison.Ordinal))
                {
                    // No wildcard: LIKE is equality with the normalized constant.
                    return [new Registration(type, path, Kind.Equal, normalized, default)];
                }

                return RequiredLiterals.ForLike(normalized) is { } likeLiteral ? [new Registration(type, path, Kind.Like, likeLiteral, default)] : null;
            case ComparisonOperator.Matches when comparison.Value is StringConstant s:
                return RequiredLiterals.ForRegex(s.Value) is { } regexLiteral ? [new Registration(type, path, Kind.Matches, regexLiteral, default)] : null;
            default:
                return null;
        }
    }

    /// <summary>Binary properties (<c>_bin</c>, <c>_hex</c>) compare as octets: not indexed by text.</summary>
    private static bool IsBinary(ObjectPath path)
    {
        var last = path.Steps.OfType<PropertyStep>().Last().Name;
        return last.EndsWith("_bin", StringComparison.Ordinal) || last.EndsWith("_hex", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ObjectTypes(ComparisonExpression comparison) => comparison switch
    {
        CompoundComparisonExpression compound => ObjectTypes(compound.Left).Concat(ObjectTypes(compound.Right)).Distinct(StringComparer.Ordinal),
        PropertyComparison property => [property.Path.ObjectType],
        ExistsComparison exists => [exists.Path.ObjectType],
        _ => [],
    };

    private TypeEntry Entry(string type)
    {
        if (!types.TryGetValue(type, out var entry))
        {
            types[type] = entry = new TypeEntry();
            RefreshTypes();
        }

        return entry;
    }

    private void RefreshTypes() => typeArray = [.. types.Select(t => (Encoding.UTF8.GetBytes(t.Key), t.Value))];

    internal enum Kind
    {
        Scan,
        Equal,
        Cidr,
        Like,
        Matches,
    }

    internal sealed record Registration(string Type, ObjectPath? Path, Kind Kind, string? Text, IpNetwork Block);

    /// <summary>The leaves whose condition starts from one object type.</summary>
    private sealed class TypeEntry
    {
        private readonly List<int> scan = [];
        private readonly Dictionary<string, PathProbe> probes = new(StringComparer.Ordinal);
        private PathProbe[] probeArray = [];

        public bool IsEmpty => scan.Count == 0 && probes.Count == 0;

        public void Add(Registration registration, int leaf, PathTrie paths)
        {
            if (registration.Kind == Kind.Scan)
            {
                scan.Add(leaf);
                return;
            }

            var key = registration.Path!.ToString();
            if (!probes.TryGetValue(key, out var probe))
            {
                probes[key] = probe = new PathProbe(registration.Path!, paths.Add(registration.Path!));
                probeArray = [.. probes.Values];
            }

            probe.Add(registration, leaf);
        }

        public void Remove(Registration registration, int leaf)
        {
            if (registration.Kind == Kind.Scan)
            {
                scan.Remove(leaf);
                return;
            }

            var key = registration.Path!.ToString();
            if (probes.TryGetValue(key, out var probe))
            {
                probe.Remove(registration, leaf);
                if (probe.IsEmpty)
                {
                    probes.Remove(key);
                    probeArray = [.. probes.Values];
                }
            }
        }

        public void Prepare()
        {
            foreach (var probe in probeArray)
            {
                probe.Prepare();
            }
        }

        public void Probe(Observation? observation, LineContext? context, JsonElement root, CandidateSet candidates)
        {
            candidates.AddRange(scan);
            foreach (var probe in probeArray)
            {
                probe.Probe(observation, context, root, candidates);
            }
        }

        public void Probe(LineScan scan, ReadOnlySpan<byte> line, LineScan.ScannedObject scanned, CandidateSet candidates)
        {
            candidates.AddRange(this.scan);
            foreach (var probe in probeArray)
            {
                probe.Probe(scan, line, scanned, 0, candidates);
            }
        }
    }

    /// <summary>The indexes of one object path.</summary>
    private sealed class PathProbe
    {
        private readonly ObjectPath path;
        private readonly byte[][]? simple;
        private readonly (byte[]? Name, bool IsReference, long? Index)[] steps;
        private readonly Dictionary<string, List<int>> equal = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> equalByChars;
        private readonly ValueFilter equalFilter = new();
        private readonly CidrIndex cidr = new();
        private readonly LiteralSet literals = new();
        private readonly int[] pieces;

        /// <summary>Creates the probe of a path, whose pieces end at the given nodes of the <see cref="PathTrie"/>.</summary>
        public PathProbe(ObjectPath path, int[] pieces)
        {
            this.path = path;
            this.pieces = pieces;

            // A chain of plain property names, with no reference followed, resolves by direct lookups.
            var steps = path.Steps;
            var plain = steps.All(s => s is PropertyStep)
                && steps.Take(steps.Count - 1).Cast<PropertyStep>().All(s => !s.Name.EndsWith("_ref", StringComparison.Ordinal) && !s.Name.EndsWith("_refs", StringComparison.Ordinal));
            simple = plain ? [.. steps.Cast<PropertyStep>().Select(s => Encoding.UTF8.GetBytes(s.Name))] : null;
            this.steps = [.. steps.Select(s => s switch
            {
                PropertyStep p => (Encoding.UTF8.GetBytes(p.Name), p.Name.EndsWith("_ref", StringComparison.Ordinal) || p.Name.EndsWith("_refs", StringComparison.Ordinal), (long?)null),
                _ => ((byte[]?)null, false, ((IndexStep)s).Index),
            })];
            equalByChars = equal.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool IsEmpty => equal.Count == 0 && cidr.IsEmpty && literals.IsEmpty;

        public void Add(Registration registration, int leaf)
        {
            switch (registration.Kind)
            {
                case Kind.Equal:
                    if (!equal.TryGetValue(registration.Text!, out var leaves))
                    {
                        equal[registration.Text!] = leaves = [];
                        if (!equalFilter.TryAdd(registration.Text!))
                        {
                            equalFilter.Rebuild(equal.Keys);
                        }
                    }

                    leaves.Add(leaf);
                    break;
                case Kind.Cidr:
                    cidr.Add(registration.Block, leaf);
                    break;
                case Kind.Like or Kind.Matches:
                    literals.Add(registration.Text!, leaf, registration.Kind == Kind.Matches);
                    break;
                default:
                    break;
            }
        }

        public void Remove(Registration registration, int leaf)
        {
            switch (registration.Kind)
            {
                case Kind.Equal:
                    if (equal.TryGetValue(registration.Text!, out var leaves) && leaves.Remove(leaf) && leaves.Count == 0)
                    {
                        equal.Remove(registration.Text!);
                    }

                    break;
                case Kind.Cidr:
                    cidr.Remove(registration.Block, leaf);
                    break;
                case Kind.Like or Kind.Matches:
                    literals.Remove(registration.Text!, leaf, registration.Kind == Kind.Matches);
                    break;
                default:
                    break;
            }
        }

        public void Prepare() => literals.Prepare();

        public void Probe(Observation? observation, LineContext? context, JsonElement root, CandidateSet candidates)
        {
            if (simple is not null)
            {
                var value = root;
                foreach (var name in simple)
                {
                    if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                    {
                        return;
                    }
                }

                ProbeValue(value, candidates);
                return;
            }

            if (observation is not null)
            {
                foreach (var (value, _) in ComparisonEvaluator.Resolve(path, observation, root))
                {
                    ProbeValue(value, candidates);
                }

                return;
            }

            ProbeResolved(context!, root, false, 0, candidates);
        }

        /// <summary>
        /// Probes the values a scanned object holds at piece <paramref name="piece"/> of the path; a value
        /// before the last piece is a reference, followed to every object of the line with that id.
        /// </summary>
        public void Probe(LineScan scan, ReadOnlySpan<byte> line, in LineScan.ScannedObject scanned, int piece, CandidateSet candidates)
        {
            var node = pieces[piece];
            var values = scan.Values;
            for (var v = scanned.ValuesStart; v < scanned.ValuesEnd; v++)
            {
                if (values[v].Node != node)
                {
                    continue;
                }

                var value = LineScan.Slice(line, values[v].Value);
                if (piece == pieces.Length - 1)
                {
                    ProbeRaw(value, candidates);
                    continue;
                }

                foreach (var target in scan.Objects)
                {
                    if (!target.Flattened && target.Id.Length == value.Length && LineScan.Slice(line, target.Id).SequenceEqual(value))
                    {
                        Probe(scan, line, target, piece + 1, candidates);
                    }
                }
            }
        }

        /// <summary>
        /// Probes the raw UTF-8 of a string without escapes, at most <see cref="LineScan.MaxValueLength"/>
        /// bytes. Most values meet no index, and the bytes show it for equality and IPv4 blocks: the value
        /// is decoded only for a possible exact value, the literal search, or a block of another kind.
        /// </summary>
        private void ProbeRaw(ReadOnlySpan<byte> value, CandidateSet candidates)
        {
            // The reader does not validate the UTF-8 of a value without escapes; decoded, invalid bytes become
            // U+FFFD, which the filter of the values' own UTF-8 does not know.
            var equalMayHold = equal.Count > 0 && (equalFilter.MayContain(value) || !Utf8.IsValid(value));
            var cidrNeedsText = false;
            if (!cidr.IsEmpty)
            {
                if (Networks.TryParseV4(value, out var network))
                {
                    cidr.Lookup(network, candidates);
                }
                else
                {
                    cidrNeedsText = true;
                }
            }

            if (!equalMayHold && !cidrNeedsText && literals.IsEmpty)
            {
                return;
            }

            Span<char> buffer = stackalloc char[LineScan.MaxValueLength];
            var text = LineContext.Chars(value, buffer, out var allocated);
            if (equalMayHold)
            {
                ProbeEqual(text, candidates);
            }

            if (cidrNeedsText)
            {
                ProbeCidr(text, allocated, candidates);
            }

            ProbeLiterals(text, allocated, candidates);
        }

        /// <summary>
        /// Probes the values <see cref="ComparisonEvaluator.Resolve"/> reaches from step <paramref name="step"/>
        /// on, with references resolved line-wide (a superset of the values any one observation resolves).
        /// </summary>
        private void ProbeResolved(LineContext context, JsonElement value, bool isReference, int step, CandidateSet candidates)
        {
            if (step == steps.Length)
            {
                ProbeValue(value, candidates);
                return;
            }

            var (name, nameIsReference, index) = steps[step];
            if (name is not null)
            {
                var container = value;
                if (isReference && value.ValueKind == JsonValueKind.String && !context.TryResolve(value, out container))
                {
                    return;
                }

                if (container.ValueKind == JsonValueKind.Object && container.TryGetProperty(name, out var child)
                    && child.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    ProbeResolved(context, child, nameIsReference, step + 1, candidates);
                }

                return;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (index is { } i)
            {
                if (i >= 0 && i < value.GetArrayLength())
                {
                    ProbeResolved(context, value[(int)i], isReference, step + 1, candidates);
                }

                return;
            }

            foreach (var item in value.EnumerateArray())
            {
                ProbeResolved(context, item, isReference, step + 1, candidates);
            }
        }

        private void ProbeValue(JsonElement value, CandidateSet candidates)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return;
            }

            // A value as the line holds it is probed from its bytes, as the line scan's are; one with escapes decoded.
            var raw = LineContext.RawString(value);
            if (raw.Length <= LineScan.MaxValueLength && !raw.Contains((byte)'\\'))
            {
                ProbeRaw(raw, candidates);
                return;
            }

            var text = value.GetString()!;
            ProbeText(text, text, candidates);
        }

        /// <summary>Probes a string value, decoded (<paramref name="allocated"/>: the same as a string, when there is one).</summary>
        private void ProbeText(ReadOnlySpan<char> text, string? allocated, CandidateSet candidates)
        {
            ProbeEqual(text, candidates);
            ProbeCidr(text, allocated, candidates);
            ProbeLiterals(text, allocated, candidates);
        }

        private void ProbeEqual(ReadOnlySpan<char> text, CandidateSet candidates)
        {
            if (equal.Count > 0 && equalByChars.TryGetValue(text, out var leaves))
            {
                candidates.AddRange(leaves);
            }
        }

        private void ProbeCidr(ReadOnlySpan<char> text, string? allocated, CandidateSet candidates)
        {
            if (!cidr.IsEmpty && Networks.TryParse(text, allocated, out var network))
            {
                cidr.Lookup(network, candidates);
            }
        }

        private void ProbeLiterals(ReadOnlySpan<char> text, string? allocated, CandidateSet candidates)
        {
            if (literals.IsEmpty)
            {
                return;
            }

            // MATCHES runs on the NFC form of the subject (section 9.6.1), so its literals are searched
            // there; LIKE's on the text as it is. Mostly they are the same text, searched once.
            if (IsSurelyNormalized(text))
            {
                literals.Search(text, candidates, like: true, matches: true);
                return;
            }

            literals.Search(text, candidates, like: true, matches: false);
            if (literals.HasMatches)
            {
                literals.Search((allocated ?? new string(text)).Normalize(NormalizationForm.FormC), candidates, like: false, matches: true);
            }
        }

        /// <summary>Text below U+0300 (no combining marks, no Hangul, no compatibility forms) is already in NFC.</summary>
        private static bool IsSurelyNormalized(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\u0000', '\u02FF');
    }

    /// <summary>Literals and the LIKE and MATCHES leaves that require them, with the anchored search over them.</summary>
    private sealed class LiteralSet
    {
        private readonly Dictionary<string, (List<int> Like, List<int> Matches)> leaves = new(StringComparer.Ordinal);
        private (List<int> Like, List<int> Matches)[] byLiteral = [];
        private AnchoredLiterals? search;
        private int matchesCount;

        public bool IsEmpty => leaves.Count == 0;

        public bool HasMatches => matchesCount > 0;

        public void Add(string literal, int leaf, bool isMatches)
        {
            if (!leaves.TryGetValue(literal, out var lists))
            {
                leaves[literal] = lists = ([], []);
                search = null;
            }

            (isMatches ? lists.Matches : lists.Like).Add(leaf);
            matchesCount += isMatches ? 1 : 0;
        }

        public void Remove(string literal, int leaf, bool isMatches)
        {
            if (leaves.TryGetValue(literal, out var lists) && (isMatches ? lists.Matches : lists.Like).Remove(leaf))
            {
                matchesCount -= isMatches ? 1 : 0;
                if (lists.Like.Count == 0 && lists.Matches.Count == 0)
                {
                    leaves.Remove(literal);
                    search = null;
                }
            }
        }

        /// <summary>Builds the search when changes left it to build.</summary>
        public void Prepare()
        {
            if (search is null && leaves.Count > 0)
            {
                var literals = leaves.Keys.ToArray();
                byLiteral = [.. literals.Select(l => leaves[l])];
                search = AnchoredLiterals.Build(literals);
            }
        }

        public void Search(ReadOnlySpan<char> text, CandidateSet candidates, bool like, bool matches)
        {
            Prepare();
            var sink = new Sink(byLiteral, candidates, like, matches);
            search!.Search(text, ref sink);
        }

        private readonly struct Sink((List<int> Like, List<int> Matches)[] byLiteral, CandidateSet candidates, bool like, bool matches) : ILiteralSink
        {
            public void Found(int literal)
            {
                var (likeLeaves, matchesLeaves) = byLiteral[literal];
                if (like)
                {
                    candidates.AddRange(likeLeaves);
                }

                if (matches)
                {
                    candidates.AddRange(matchesLeaves);
                }
            }
        }
    }
}
