// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Detection.Internal;
using Concord.Patterning;
using Concord.Patterning.Ast;
using Concord.Patterning.Internal;
using Concord.Stix;

namespace Concord.Detection;

/// <summary>
/// Runs many STIX indicators (pattern_type <c>stix</c>, section 9) over a stream of observations at a
/// cost per observation that does not grow with the number of indicators.
/// </summary>
/// <remarks>
/// <para>Indicators are compiled into indexes on the observation expressions of their patterns: exact
/// values per (object type, property path) for <c>=</c> and <c>IN</c>, CIDR blocks per prefix length for
/// <c>ISSUBSET</c>, an anchored literal search (a cache-resident filter, then a table look-up) over the
/// literals that <c>LIKE</c> patterns and <c>MATCHES</c> expressions require, and the object type alone for what cannot be indexed. Each
/// observation meets only the expressions an index selects, which are then evaluated with the exact
/// semantics of <see cref="PatternEvaluator"/>.</para>
/// <para>Patterns whose bindings use one observation (an observation expression, OR, WITHIN,
/// START/STOP) match each observation on its own. Multi-observation patterns (AND and FOLLOWEDBY across
/// observations, REPEATS) keep per indicator the observations that matched one of their expressions, within
/// the window described in <see cref="DetectionOptions"/>, and run the reference evaluator over them when a
/// new one arrives; the observations of a match are then released, so each takes part in at most one match
/// of an indicator.</para>
/// <para>An indicator applies to observations whose time overlaps [<c>valid_from</c>, <c>valid_until</c>).
/// Of several versions of an indicator the one with the latest <c>modified</c> wins; a revoked indicator
/// stops. Indicators can be applied between observations: they take effect for the next one.</para>
/// <para>Not thread-safe: one thread feeds an engine.</para>
/// </remarks>
public sealed class DetectionEngine
{
    private const int SweepInterval = 4096;
    private const int EvaluatorResetAfterRemovals = 4096;

    private readonly DetectionOptions options;
    private readonly LeafIndex index = new();
    private readonly List<Leaf?> leaves = [];
    private readonly Stack<int> freeLeaves = new();
    private readonly Dictionary<string, CompiledIndicator> indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StixTimestamp> latestVersions = new(StringComparer.Ordinal);
    private readonly HashSet<CompiledIndicator> withState = [];
    private readonly CandidateSet candidates = new();
    private readonly LineContext lineContext = new();
    private readonly LineScan lineScan = new();
    private readonly List<CompiledIndicator> touched = [];
    private ComparisonEvaluator evaluator = new();
    private int removalsSinceReset;
    private long sequence;
    private long maxFirstObservedTicks = long.MinValue;
    private long candidatesEvaluated;
    private long matchCount;
    private long late;
    private long evicted;
    private long retained;

    /// <summary>Creates an engine without indicators.</summary>
    /// <param name="options">The settings, or null for the defaults.</param>
    public DetectionEngine(DetectionOptions? options = null) => this.options = options ?? new DetectionOptions();

    /// <summary>The settings.</summary>
    public DetectionOptions Options => options;

    /// <summary>The number of indicators running.</summary>
    public int IndicatorCount => indicators.Count;

    /// <summary>The counters so far.</summary>
    public DetectionStatistics Statistics => new(sequence, candidatesEvaluated, matchCount, late, evicted, retained);

    /// <summary>
    /// The latest <c>first_observed</c> seen minus the lateness: observations starting earlier are late.
    /// Null before the first observation.
    /// </summary>
    public DateTimeOffset? Watermark => maxFirstObservedTicks == long.MinValue
        ? null
        : new DateTimeOffset((long)Int128.Max(DateTimeOffset.MinValue.UtcTicks, (Int128)maxFirstObservedTicks - options.Lateness.Ticks), TimeSpan.Zero);

    /// <summary>Applies a version of an indicator: adds, revises or revokes it.</summary>
    /// <param name="indicator">A STIX indicator object.</param>
    public IndicatorUpdate Apply(JsonElement indicator)
    {
        if (indicator.ValueKind != JsonValueKind.Object || Observation.StringProperty(indicator, "type") != "indicator")
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Rejected, null, "not an indicator");
        }

        if (Observation.StringProperty(indicator, "id") is not { } id)
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Rejected, null, "the indicator has no id");
        }

        if (!StixTimestamp.TryParse(Observation.StringProperty(indicator, "modified") ?? Observation.StringProperty(indicator, "created"), out var modified))
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Rejected, id, "the indicator has no valid modified or created timestamp");
        }

        if (latestVersions.TryGetValue(id, out var known) && known >= modified)
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Stale, id);
        }

        latestVersions[id] = modified;
        var existed = Remove(id);
        if (indicator.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Revoked, id);
        }

        if (Observation.StringProperty(indicator, "pattern_type") != "stix")
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Rejected, id, "pattern_type is not stix");
        }

        if (!StixPattern.TryParse(Observation.StringProperty(indicator, "pattern"), out var pattern, out var error))
        {
            return new IndicatorUpdate(IndicatorUpdateKind.Rejected, id, $"invalid pattern: {error}");
        }

        StixTimestamp? validFrom = StixTimestamp.TryParse(Observation.StringProperty(indicator, "valid_from"), out var from) ? from : null;
        StixTimestamp? validUntil = StixTimestamp.TryParse(Observation.StringProperty(indicator, "valid_until"), out var until) ? until : null;
        var compiled = new CompiledIndicator(id, modified, pattern, validFrom, validUntil, options.MaxWindow.Ticks);
        foreach (var leaf in Leaves(pattern.Root))
        {
            var leafId = freeLeaves.Count > 0 ? freeLeaves.Pop() : leaves.Count;
            if (leafId == leaves.Count)
            {
                leaves.Add(null);
            }

            leaves[leafId] = new Leaf(compiled, leaf);
            compiled.LeafPositions.TryAdd(leaf, compiled.Leaves.Count);
            compiled.Leaves.Add(leafId);
            index.Add(leafId, leaf);
        }

        indicators[id] = compiled;
        return new IndicatorUpdate(existed ? IndicatorUpdateKind.Revised : IndicatorUpdateKind.Added, id);
    }

    /// <summary>
    /// Builds what changes of indicators left for the first observation after them to build (the literal
    /// search of each property path with <c>LIKE</c> or <c>MATCHES</c> literals), so that the stream does
    /// not pay for it. Optional: without it the search is built when first needed. Call it after a batch of
    /// <see cref="Apply"/>, not after each one: each call rebuilds every search that changed.
    /// </summary>
    public void Prepare() => index.Prepare();

    /// <summary>
    /// Processes one input: a bundle or a JSON array (its indicators are applied first, then its
    /// observed-data are processed in order), an observed-data (2.0 with <c>objects</c>), an indicator, or a
    /// plain telemetry event (see <see cref="TelemetryEvents"/>).
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="matches">Receives the matches, in order.</param>
    /// <param name="updates">Receives the outcome of each indicator applied, or null.</param>
    /// <returns>The number of observations processed.</returns>
    /// <exception cref="FormatException">A plain event cannot be mapped (the message says why).</exception>
    public int Process(JsonElement input, ICollection<DetectionMatch> matches, ICollection<IndicatorUpdate>? updates = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (input.ValueKind == JsonValueKind.Object && !input.TryGetProperty("type"u8, out _) && input.TryGetProperty("event"u8, out _))
        {
            using var mapped = TelemetryEvents.Map(input);
            return Process(mapped.RootElement, matches, updates);
        }

        var context = lineContext;
        context.Reset();
        var elements = context.Elements;

        // Each object's type, and for observed-data its times and embedded objects, read while flattening.
        // Then the whole line is prefiltered with line-wide reference resolution: most lines meet no
        // candidate and need nothing more than their observation times.
        var shapes = context.Shapes;
        Flatten(input, elements, shapes);
        var hasIndicator = false;
        foreach (var shape in shapes)
        {
            hasIndicator |= shape.IsIndicator;
        }

        if (hasIndicator)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                if (shapes[i].IsIndicator)
                {
                    var update = Apply(elements[i]);
                    updates?.Add(update);
                }
            }
        }

        candidates.Reset();
        for (var i = 0; i < elements.Count; i++)
        {
            var shape = shapes[i];
            if (shape.Embedded is { } embedded)
            {
                context.UseEmbedded(embedded);
                foreach (var entry in embedded.EnumerateObject())
                {
                    index.Prefilter(context, entry.Value, candidates);
                }

                context.UseEmbedded(null);
            }

            if (shape.Type is { } type)
            {
                index.Prefilter(context, elements[i], type, candidates);
            }
        }

        if (candidates.Items.Count == 0)
        {
            var count = 0;
            foreach (var shape in shapes)
            {
                if (shape.FirstObservedTicks is { } first)
                {
                    count++;
                    Pass(first);
                }
            }

            return count;
        }

        // The line's candidates are a superset of its only observation's: evaluating them all gives the
        // same matches as probing that observation again. Several observations are probed one by one.
        var observations = Observation.Collect(elements);
        foreach (var observation in observations)
        {
            ProcessObservation(observation, matches, reprobe: observations.Count > 1);
        }

        return observations.Count;
    }

    /// <summary>Processes one line of JSON (see <see cref="Process(JsonElement, ICollection{DetectionMatch}, ICollection{IndicatorUpdate})"/>).</summary>
    /// <param name="utf8">The line, UTF-8.</param>
    /// <param name="matches">Receives the matches, in order.</param>
    /// <param name="updates">Receives the outcome of each indicator applied, or null.</param>
    /// <returns>The number of observations processed.</returns>
    /// <exception cref="JsonException">The line is not JSON.</exception>
    /// <exception cref="FormatException">A plain event cannot be mapped.</exception>
    public int ProcessLine(ReadOnlyMemory<byte> utf8, ICollection<DetectionMatch> matches, ICollection<IndicatorUpdate>? updates = null)
    {
        // Most lines meet no candidate: one pass of the reader over them, without a document, shows it.
        var line = utf8.Span;
        if (lineScan.TryScan(line, index.Paths))
        {
            candidates.Reset();
            index.Prefilter(lineScan, line, candidates);
            if (candidates.Items.Count == 0)
            {
                var count = 0;
                foreach (var scanned in lineScan.Objects)
                {
                    if (!scanned.Flattened && LineScan.ObservationTicks(line, scanned) is { } first)
                    {
                        count++;
                        Pass(first);
                    }
                }

                return count;
            }
        }

        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        return Process(document.RootElement, matches, updates);
    }

    private static IEnumerable<ObservationExpression> Leaves(PatternExpression expression) => expression switch
    {
        ObservationExpression leaf => [leaf],
        CompoundPatternExpression compound => Leaves(compound.Left).Concat(Leaves(compound.Right)),
        QualifiedPatternExpression qualified => Leaves(qualified.Operand),
        _ => [],
    };

    private static void Flatten(JsonElement element, List<JsonElement> into, List<ElementShape> shapes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Flatten(item, into, shapes);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var shape = ElementShape.Read(element);
            if (shape.Type is { } type && type.ValueEquals("bundle"u8) && element.TryGetProperty("objects"u8, out var objects))
            {
                Flatten(objects, into, shapes);
            }
            else
            {
                into.Add(element);
                shapes.Add(shape);
            }
        }
    }

    /// <summary>The observed-data and the SCOs it references (for 2.0 observed-data, the objects are inside it).</summary>
    private static List<JsonElement> ElementsOf(Observation observation)
    {
        var elements = new List<JsonElement>(observation.Objects.Count + 1) { observation.ObservedData };
        if (!(observation.ObservedData.TryGetProperty("objects"u8, out var embedded) && embedded.ValueKind == JsonValueKind.Object))
        {
            elements.AddRange(observation.Objects);
        }

        return elements;
    }

    /// <summary>A self-contained copy of the observed-data and its objects, which outlives the input line.</summary>
    private static JsonElement[] Copy(Observation observation) => [.. ElementsOf(observation).Select(e => e.Clone())];

    private static DetectionMatch ToMatch(string indicatorId, PatternMatchResult result)
    {
        var bindings = result.Bindings.Select(b => new MatchBinding(b.Expression.ToString(), b.ObservedDataId, b.Instance, b.MatchedObject.Clone())).ToList();
        var first = result.Bindings.Min(b => b.FirstObserved);
        var last = result.Bindings.Max(b => b.LastObserved);
        return new DetectionMatch(indicatorId, bindings, first, last);
    }

    private bool Remove(string id)
    {
        if (!indicators.Remove(id, out var compiled))
        {
            return false;
        }

        foreach (var leafId in compiled.Leaves)
        {
            index.Remove(leafId);
            leaves[leafId] = null;
            freeLeaves.Push(leafId);
        }

        retained -= compiled.Window.Count;
        compiled.Window.Clear();
        withState.Remove(compiled);

        // The evaluator caches compiled regexes per comparison; drop the cache now and then so that
        // revised indicators do not accumulate.
        removalsSinceReset += compiled.Leaves.Count;
        if (removalsSinceReset > EvaluatorResetAfterRemovals)
        {
            evaluator = new ComparisonEvaluator();
            removalsSinceReset = 0;
        }

        return true;
    }

    /// <summary>Counts an observation that meets no candidate.</summary>
    private void Pass(long firstTicks)
    {
        Advance(firstTicks);
        if (sequence++ % SweepInterval == SweepInterval - 1)
        {
            Sweep();
        }
    }

    /// <summary>Moves the watermark for an observation starting at <paramref name="firstTicks"/>, counting it if late.</summary>
    private void Advance(long firstTicks)
    {
        if (maxFirstObservedTicks != long.MinValue && firstTicks < (Int128)maxFirstObservedTicks - options.Lateness.Ticks)
        {
            late++;
        }

        maxFirstObservedTicks = Math.Max(maxFirstObservedTicks, firstTicks);
    }

    private void ProcessObservation(Observation observation, ICollection<DetectionMatch> matches, bool reprobe)
    {
        var seq = sequence++;
        var firstTicks = observation.FirstObserved.Instant.UtcTicks;
        Advance(firstTicks);
        if (reprobe)
        {
            candidates.Reset();
            var objects = observation.Objects;
            for (var i = 0; i < objects.Count; i++)
            {
                index.Probe(observation, objects[i], candidates);
            }
        }

        touched.Clear();
        foreach (var leafId in candidates.Items)
        {
            var leaf = leaves[leafId]!;
            var owner = leaf.Owner;
            if (owner.Stamp == seq || !owner.IsValidFor(observation))
            {
                continue;
            }

            candidatesEvaluated++;
            if (MatchedRoot(leaf, observation) is not { } root)
            {
                continue;
            }

            owner.Stamp = seq;
            if (owner.Shape == PatternShape.Leaf)
            {
                var binding = new MatchBinding(leaf.Text, Observation.StringProperty(observation.ObservedData, "id"), 0, root.Clone());
                Emit(new DetectionMatch(owner.Id, [binding], observation.FirstObserved, observation.LastObserved), matches);
            }
            else
            {
                touched.Add(owner);
            }
        }

        IReadOnlyList<JsonElement>? copy = null;
        Observation? kept = null;
        foreach (var indicator in touched)
        {
            if (indicator.Shape == PatternShape.SingleObservation)
            {
                if (FirstSingleBinding(indicator, indicator.Pattern.Root, observation) is { } binding)
                {
                    var id = Observation.StringProperty(observation.ObservedData, "id");
                    var bound = new MatchBinding(leaves[binding.Leaf]!.Text, id, 0, binding.Root.Clone());
                    Emit(new DetectionMatch(indicator.Id, [bound], observation.FirstObserved, observation.LastObserved), matches);
                }
            }
            else
            {
                // One self-contained copy serves every window the observation enters.
                copy ??= Copy(observation);
                kept ??= Observation.Collect(copy)[0];
                MatchWindow(indicator, observation, copy, kept, firstTicks, matches);
            }
        }

        if (seq % SweepInterval == SweepInterval - 1)
        {
            Sweep();
        }
    }

    /// <summary>
    /// The binding the reference search finds first for a pattern whose bindings use one observation:
    /// the operands of OR in order, each qualifier checked on the observation's own time window (WITHIN:
    /// last_observed − first_observed shorter than the window; START/STOP: first_observed at or after
    /// START and last_observed before STOP).
    /// </summary>
    private (int Leaf, JsonElement Root)? FirstSingleBinding(CompiledIndicator indicator, PatternExpression expression, Observation observation)
    {
        switch (expression)
        {
            case ObservationExpression leaf:
                var leafId = indicator.Leaves[indicator.LeafPositions[leaf]];
                return MatchedRoot(leaves[leafId]!, observation) is { } root ? (leafId, root) : null;
            case CompoundPatternExpression or:
                return FirstSingleBinding(indicator, or.Left, observation) ?? FirstSingleBinding(indicator, or.Right, observation);
            case QualifiedPatternExpression qualified:
                foreach (var qualifier in qualified.Qualifiers)
                {
                    var holds = qualifier switch
                    {
                        WithinQualifier within => WithinTicks(within) is var ticks && (ticks == long.MaxValue
                            || (observation.LastObserved.Instant - observation.FirstObserved.Instant).Ticks < ticks),
                        StartStopQualifier startStop => observation.FirstObserved >= startStop.Start.Value && observation.LastObserved < startStop.Stop.Value,
                        _ => false,
                    };
                    if (!holds)
                    {
                        return null;
                    }
                }

                return FirstSingleBinding(indicator, qualified.Operand, observation);
            default:
                return null;
        }
    }

    /// <summary>The WITHIN window in ticks, as the reference search computes it.</summary>
    private static long WithinTicks(WithinQualifier within)
    {
        var maxSeconds = TimeSpan.MaxValue.Ticks / (double)TimeSpan.TicksPerSecond;
        var value = within.Seconds switch
        {
            IntegerConstant i => (double)i.Value,
            FloatConstant f => f.Value,
            _ => 0,
        };
        return value >= maxSeconds ? long.MaxValue : (long)Math.Ceiling(value * TimeSpan.TicksPerSecond);
    }

    /// <summary>The first object of the observation the leaf's comparison holds for, as the evaluator tries them.</summary>
    private JsonElement? MatchedRoot(Leaf leaf, Observation observation)
    {
        var objects = observation.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (leaf.Fast is { } fast ? fast.Evaluate(objects[i], observation) : evaluator.Evaluate(leaf.Expression.Comparison, observation, objects[i]))
            {
                return objects[i];
            }
        }

        return null;
    }

    private void Emit(DetectionMatch match, ICollection<DetectionMatch> matches)
    {
        matchCount++;
        matches.Add(match);
    }

    private void MatchWindow(CompiledIndicator indicator, Observation observation, IReadOnlyList<JsonElement> copy, Observation kept, long firstTicks, ICollection<DetectionMatch> matches)
    {
        var window = indicator.Window;
        Expire(indicator);
        var mask = 0UL;
        if (indicator.Leaves.Count > 64)
        {
            mask = ulong.MaxValue;
        }
        else
        {
            for (var i = 0; i < indicator.Leaves.Count; i++)
            {
                if (MatchedRoot(leaves[indicator.Leaves[i]]!, observation) is not null)
                {
                    mask |= 1UL << i;
                }
            }
        }

        var lastTicks = observation.LastObserved.Instant.UtcTicks;
        window.Add(new RetainedObservation(copy, firstTicks, mask, Math.Min(observation.Count, BindingSearch.MaxInstancesPerObservation), kept, lastTicks));
        retained++;
        withState.Add(indicator);
        while (window.Count > options.MaxRetainedPerIndicator || (retained > options.MaxRetainedObservations && window.Count > 1))
        {
            window.RemoveAt(0);
            retained--;
            evicted++;
        }

        for (var found = 0; found < options.MaxMatchesPerObservation && WindowCheck.CanMatch(indicator, kept => MayCombine(indicator, kept, firstTicks, lastTicks)); found++)
        {
            var result = Search(indicator, firstTicks, lastTicks);
            if (!result.IsMatch)
            {
                break;
            }

            Emit(ToMatch(indicator.Id, result), matches);

            // The observations of a match are released: each takes part in at most one match.
            var removed = window.RemoveAll(r => result.Bindings.Any(b => IsSame(b.ObservedData, r.Elements[0])));
            retained -= removed;
            if (removed == 0)
            {
                break;
            }
        }

        if (window.Count == 0)
        {
            withState.Remove(indicator);
        }
    }

    /// <summary>
    /// The reference search over the kept observations. Every binding found now includes the newest one
    /// (earlier bindings were reported and released), so under an overall WITHIN only observations close
    /// enough to it in time can take part: the others are left out of the search.
    /// </summary>
    private static PatternMatchResult Search(CompiledIndicator indicator, long firstTicks, long lastTicks)
    {
        var observations = new List<Observation>(indicator.Window.Count);
        foreach (var kept in indicator.Window)
        {
            if (MayCombine(indicator, kept, firstTicks, lastTicks))
            {
                observations.Add(kept.Observation.WithIndex(observations.Count));
            }
        }

        return new BindingSearch(indicator.Pattern.Root, observations).FindFirst();
    }

    /// <summary>Whether a kept observation is close enough in time to the newest one to share a binding with it.</summary>
    private static bool MayCombine(CompiledIndicator indicator, RetainedObservation kept, long firstTicks, long lastTicks) =>
        !indicator.HasOverallWindow
        || (kept.FirstObservedTicks > (Int128)lastTicks - indicator.HorizonTicks && kept.LastObservedTicks < (Int128)firstTicks + indicator.HorizonTicks);

    private static bool IsSame(JsonElement observedData, JsonElement kept) =>
        Observation.StringProperty(observedData, "id") is { } id
            ? id == Observation.StringProperty(kept, "id")
            : JsonElement.DeepEquals(observedData, kept);

    /// <summary>Drops the kept observations that no observation arriving within the lateness can complete a match with.</summary>
    private void Expire(CompiledIndicator indicator)
    {
        if (maxFirstObservedTicks == long.MinValue)
        {
            return;
        }

        var limit = (Int128)maxFirstObservedTicks - options.Lateness.Ticks - indicator.HorizonTicks;
        var removed = indicator.Window.RemoveAll(r => r.FirstObservedTicks <= limit);
        retained -= removed;
    }

    private void Sweep()
    {
        foreach (var indicator in withState.ToList())
        {
            Expire(indicator);
            if (indicator.Window.Count == 0)
            {
                withState.Remove(indicator);
            }
        }
    }
}
