// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Stix;

namespace Concord.Patterning.Internal;

/// <summary>
/// Backtracking search for a set of distinct observations that satisfies a pattern expression
/// (section 9.5): it enumerates, lazily, every binding of each sub-expression that avoids the
/// observations already used, and filters by the qualifiers and FOLLOWEDBY ordering.
/// </summary>
/// <remarks>
/// To keep the search small, the time constraints of enclosing qualifiers and FOLLOWEDBY are pushed
/// down as <see cref="Scope"/>s and checked as soon as an observation is chosen (a WITHIN window can
/// only grow as observations are added), sub-expressions that cannot match at all are skipped, and
/// REPEATS stops when too few candidate observations remain.
/// </remarks>
internal sealed class BindingSearch
{
    /// <summary>At most this many of an observed-data's <c>number_observed</c> observations take part in one match.</summary>
    internal const long MaxInstancesPerObservation = 1000;

    private readonly PatternExpression root;
    private readonly ComparisonEvaluator evaluator = new();
    private readonly Dictionary<ObservationExpression, List<(Observation Observation, JsonElement Object)>> leafMatches = new(ReferenceEqualityComparer.Instance);
    private readonly long instanceCap;
    private readonly Dictionary<PatternExpression, bool> satisfiable = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PatternExpression, List<InstanceKey>> pools = new(ReferenceEqualityComparer.Instance);

    public BindingSearch(PatternExpression root, List<Observation> observations)
    {
        this.root = root;
        instanceCap = Math.Min(MaxInstancesPerObservation, Multiplicity(root));
        CollectLeafMatches(root, observations);
    }

    public PatternMatchResult FindFirst()
    {
        var first = Enumerate(root, [], []).FirstOrDefault();
        return first is null
            ? PatternMatchResult.NoMatch
            : new PatternMatchResult(true, [.. first.Assignments.Select(a => new ObservationBinding(a.Expression, a.Observation.ObservedData, a.Ordinal, a.Object))]);
    }

    /// <summary>The most observations the expression can use, to bound how many copies of one observed-data matter.</summary>
    private static long Multiplicity(PatternExpression expression) => expression switch
    {
        ObservationExpression => 1,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => Math.Max(Multiplicity(or.Left), Multiplicity(or.Right)),
        CompoundPatternExpression compound => Math.Min(MaxInstancesPerObservation, Multiplicity(compound.Left) + Multiplicity(compound.Right)),
        QualifiedPatternExpression qualified => qualified.Qualifiers.OfType<RepeatsQualifier>()
            .Aggregate(Multiplicity(qualified.Operand), (m, r) => Math.Min(MaxInstancesPerObservation, m * Math.Clamp(r.Count.Value, 1, MaxInstancesPerObservation))),
        _ => 1,
    };

    private static long WindowTicks(Constant seconds)
    {
        var maxSeconds = TimeSpan.MaxValue.Ticks / (double)TimeSpan.TicksPerSecond;
        var value = seconds switch
        {
            IntegerConstant i => (double)i.Value,
            FloatConstant f => f.Value,
            _ => 0,
        };
        return value >= maxSeconds ? long.MaxValue : (long)Math.Ceiling(value * TimeSpan.TicksPerSecond);
    }

    private void CollectLeafMatches(PatternExpression expression, List<Observation> observations)
    {
        switch (expression)
        {
            case ObservationExpression leaf when !leafMatches.ContainsKey(leaf):
                var matches = new List<(Observation, JsonElement)>();
                foreach (var observation in observations.OrderBy(o => o.FirstObserved).ThenBy(o => o.Index))
                {
                    foreach (var candidate in observation.Objects)
                    {
                        if (evaluator.Evaluate(leaf.Comparison, observation, candidate))
                        {
                            matches.Add((observation, candidate));
                            break;
                        }
                    }
                }

                leafMatches[leaf] = matches;
                break;
            case CompoundPatternExpression compound:
                CollectLeafMatches(compound.Left, observations);
                CollectLeafMatches(compound.Right, observations);
                break;
            case QualifiedPatternExpression qualified:
                CollectLeafMatches(qualified.Operand, observations);
                break;
            default:
                break;
        }
    }

    /// <summary>The fewest observations one binding of the expression uses.</summary>
    private static long MinimumUses(PatternExpression expression) => expression switch
    {
        ObservationExpression => 1,
        CompoundPatternExpression { Operator: ObservationOperator.Or } or => Math.Min(MinimumUses(or.Left), MinimumUses(or.Right)),
        CompoundPatternExpression compound => Math.Min(MaxInstancesPerObservation, MinimumUses(compound.Left) + MinimumUses(compound.Right)),
        QualifiedPatternExpression qualified => qualified.Qualifiers.OfType<RepeatsQualifier>()
            .Aggregate(MinimumUses(qualified.Operand), (m, r) => Math.Min(MaxInstancesPerObservation, m * Math.Clamp(r.Count.Value, 1, MaxInstancesPerObservation))),
        _ => 1,
    };

    /// <summary>Whether the expression could match if no observation were used yet (a necessary condition).</summary>
    private bool IsSatisfiable(PatternExpression expression)
    {
        if (!satisfiable.TryGetValue(expression, out var result))
        {
            result = expression switch
            {
                ObservationExpression leaf => leafMatches[leaf].Count > 0,
                CompoundPatternExpression { Operator: ObservationOperator.Or } or => IsSatisfiable(or.Left) || IsSatisfiable(or.Right),
                CompoundPatternExpression compound => IsSatisfiable(compound.Left) && IsSatisfiable(compound.Right)
                    && Pool(compound).Count >= MinimumUses(compound),
                QualifiedPatternExpression qualified => IsSatisfiable(qualified.Operand) && Pool(qualified).Count >= MinimumUses(qualified),
                _ => false,
            };
            satisfiable[expression] = result;
        }

        return result;
    }

    /// <summary>Every observation instance some leaf of the expression matches.</summary>
    private List<InstanceKey> Pool(PatternExpression expression)
    {
        if (!pools.TryGetValue(expression, out var pool))
        {
            var keys = new HashSet<InstanceKey>();
            AddLeafInstances(expression, keys);
            pool = [.. keys];
            pools[expression] = pool;
        }

        return pool;
    }

    private void AddLeafInstances(PatternExpression expression, HashSet<InstanceKey> keys)
    {
        switch (expression)
        {
            case ObservationExpression leaf:
                foreach (var (observation, _) in leafMatches[leaf])
                {
                    for (var ordinal = 0L; ordinal < Math.Min(observation.Count, instanceCap); ordinal++)
                    {
                        keys.Add(new InstanceKey(observation.Index, ordinal));
                    }
                }

                break;
            case CompoundPatternExpression compound:
                AddLeafInstances(compound.Left, keys);
                AddLeafInstances(compound.Right, keys);
                break;
            case QualifiedPatternExpression qualified:
                AddLeafInstances(qualified.Operand, keys);
                break;
            default:
                break;
        }
    }

    private IEnumerable<Binding> Enumerate(PatternExpression expression, ImmutableHashSet<InstanceKey> used, ImmutableList<Scope> scopes)
    {
        if (!IsSatisfiable(expression))
        {
            return [];
        }

        return expression switch
        {
            ObservationExpression leaf => EnumerateLeaf(leaf, used, scopes),
            CompoundPatternExpression { Operator: ObservationOperator.Or } or => Enumerate(or.Left, used, scopes).Concat(Enumerate(or.Right, used, scopes)),
            CompoundPatternExpression compound => EnumerateBoth(compound, used, scopes),
            QualifiedPatternExpression qualified => EnumerateQualified(qualified, qualified.Qualifiers.Count, used, scopes),
            _ => [],
        };
    }

    private IEnumerable<Binding> EnumerateLeaf(ObservationExpression leaf, ImmutableHashSet<InstanceKey> used, ImmutableList<Scope> scopes)
    {
        foreach (var (observation, matched) in leafMatches[leaf])
        {
            if (!scopes.All(s => s.Admits(observation.FirstObserved, observation.LastObserved)))
            {
                continue;
            }

            // Copies of one observed-data are interchangeable: only the first unused one is tried.
            var limit = Math.Min(observation.Count, instanceCap);
            for (var ordinal = 0L; ordinal < limit; ordinal++)
            {
                var key = new InstanceKey(observation.Index, ordinal);
                if (!used.Contains(key))
                {
                    yield return Binding.Single(new Assignment(leaf, observation, ordinal, matched), key);
                    break;
                }
            }
        }
    }

    private IEnumerable<Binding> EnumerateBoth(CompoundPatternExpression compound, ImmutableHashSet<InstanceKey> used, ImmutableList<Scope> scopes)
    {
        foreach (var left in Enumerate(compound.Left, used, scopes))
        {
            var rightScopes = Scope.ExtendAll(scopes, left);
            if (compound.Operator == ObservationOperator.FollowedBy)
            {
                rightScopes = rightScopes.Add(Scope.NotBefore(left.Latest));
            }

            foreach (var right in Enumerate(compound.Right, used.Union(left.Used), rightScopes))
            {
                if (compound.Operator == ObservationOperator.FollowedBy && right.Earliest < left.Latest)
                {
                    continue;
                }

                yield return Binding.Combine(left, right);
            }
        }
    }

    /// <summary>Qualifiers apply left to right: the last one applies to the operand with all the ones before it.</summary>
    private IEnumerable<Binding> EnumerateQualified(QualifiedPatternExpression qualified, int count, ImmutableHashSet<InstanceKey> used, ImmutableList<Scope> scopes)
    {
        if (count == 0)
        {
            return Enumerate(qualified.Operand, used, scopes);
        }

        var qualifier = qualified.Qualifiers[count - 1];
        switch (qualifier)
        {
            case WithinQualifier within:
                var ticks = WindowTicks(within.Seconds);
                return EnumerateQualified(qualified, count - 1, used, scopes.Add(Scope.Within(ticks)))
                    .Where(b => ticks == long.MaxValue || (b.Latest.Instant - b.Earliest.Instant).Ticks < ticks);
            case StartStopQualifier startStop:
                return EnumerateQualified(qualified, count - 1, used, scopes.Add(Scope.Between(startStop.Start.Value, startStop.Stop.Value)))
                    .Where(b => b.Earliest >= startStop.Start.Value && b.Latest < startStop.Stop.Value);
            case RepeatsQualifier repeats:
                var perRepetition = count == 1 ? MinimumUses(qualified.Operand) : MinimumUses(qualified with { Qualifiers = new ValueList<Qualifier>(qualified.Qualifiers.Take(count - 1)) });
                return Repeat((u, s) => EnumerateQualified(qualified, count - 1, u, s), repeats.Count.Value, perRepetition, Pool(qualified), used, scopes, null);
            default:
                return [];
        }
    }

    /// <summary>
    /// n pairwise disjoint bindings of the operand. They are generated in increasing order of their
    /// observation sets, so each set of repetitions is tried once rather than in every order.
    /// </summary>
    private static IEnumerable<Binding> Repeat(
        Func<ImmutableHashSet<InstanceKey>, ImmutableList<Scope>, IEnumerable<Binding>> operand,
        long n,
        long perRepetition,
        List<InstanceKey> pool,
        ImmutableHashSet<InstanceKey> used,
        ImmutableList<Scope> scopes,
        Binding? previous)
    {
        if (n <= 0)
        {
            yield return Binding.Empty;
            yield break;
        }

        var available = pool.Count(k => !used.Contains(k));
        if (available < n * perRepetition)
        {
            yield break;
        }

        foreach (var binding in operand(used, scopes))
        {
            if (previous is not null && Binding.CompareKeys(binding, previous) <= 0)
            {
                continue;
            }

            foreach (var rest in Repeat(operand, n - 1, perRepetition, pool, used.Union(binding.Used), Scope.ExtendAll(scopes, binding), binding))
            {
                yield return Binding.Combine(binding, rest);
            }
        }
    }

    /// <summary>A time constraint from an enclosing qualifier or FOLLOWEDBY, checked for each chosen observation.</summary>
    private sealed record Scope(long WindowTicks, StixTimestamp? Earliest, StixTimestamp? Latest, StixTimestamp? From, StixTimestamp? Until)
    {
        public static Scope Within(long ticks) => new(ticks, null, null, null, null);

        public static Scope Between(StixTimestamp start, StixTimestamp stop) => new(long.MaxValue, null, null, start, stop);

        public static Scope NotBefore(StixTimestamp start) => new(long.MaxValue, null, null, start, null);

        public static ImmutableList<Scope> ExtendAll(ImmutableList<Scope> scopes, Binding binding) =>
            scopes.IsEmpty || binding.Assignments.IsEmpty ? scopes : [.. scopes.Select(s => s.Extend(binding.Earliest, binding.Latest))];

        public bool Admits(StixTimestamp first, StixTimestamp last)
        {
            if ((From is { } from && first < from) || (Until is { } until && last >= until))
            {
                return false;
            }

            if (WindowTicks == long.MaxValue)
            {
                return true;
            }

            var earliest = Earliest is { } e && e < first ? e : first;
            var latest = Latest is { } l && l > last ? l : last;
            return (latest.Instant - earliest.Instant).Ticks < WindowTicks;
        }

        private Scope Extend(StixTimestamp first, StixTimestamp last) => WindowTicks == long.MaxValue
            ? this
            : this with
            {
                Earliest = Earliest is { } e && e < first ? e : first,
                Latest = Latest is { } l && l > last ? l : last,
            };
    }

    private readonly record struct InstanceKey(int Observation, long Ordinal) : IComparable<InstanceKey>
    {
        public int CompareTo(InstanceKey other) =>
            Observation != other.Observation ? Observation.CompareTo(other.Observation) : Ordinal.CompareTo(other.Ordinal);
    }

    private sealed record Assignment(ObservationExpression Expression, Observation Observation, long Ordinal, JsonElement Object);

    private sealed class Binding
    {
        private Binding(ImmutableList<Assignment> assignments, ImmutableHashSet<InstanceKey> used, StixTimestamp earliest, StixTimestamp latest)
        {
            Assignments = assignments;
            Used = used;
            Earliest = earliest;
            Latest = latest;
            Key = [.. used.Order()];
        }

        public static Binding Empty { get; } = new([], [], default, default);

        public ImmutableList<Assignment> Assignments { get; }

        public ImmutableHashSet<InstanceKey> Used { get; }

        public StixTimestamp Earliest { get; }

        public StixTimestamp Latest { get; }

        private InstanceKey[] Key { get; }

        public static Binding Single(Assignment assignment, InstanceKey key) =>
            new([assignment], [key], assignment.Observation.FirstObserved, assignment.Observation.LastObserved);

        public static Binding Combine(Binding left, Binding right)
        {
            if (right.Assignments.IsEmpty)
            {
                return left;
            }

            if (left.Assignments.IsEmpty)
            {
                return right;
            }

            return new Binding(
                left.Assignments.AddRange(right.Assignments),
                left.Used.Union(right.Used),
                left.Earliest < right.Earliest ? left.Earliest : right.Earliest,
                left.Latest > right.Latest ? left.Latest : right.Latest);
        }

        public static int CompareKeys(Binding left, Binding right)
        {
            var length = Math.Min(left.Key.Length, right.Key.Length);
            for (var i = 0; i < length; i++)
            {
                var c = left.Key[i].CompareTo(right.Key[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return left.Key.Length.CompareTo(right.Key.Length);
        }
    }
}
