// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Stix;
using Concord.Stix.Identifiers;
using Concord.Stix.Model;

namespace Concord.Detection;

/// <summary>
/// Aggregates matches into STIX 2.1 sightings (section 5.2.1): one per indicator per time bucket, with
/// <c>count</c> the number of matches, <c>first_seen</c>/<c>last_seen</c> their extent,
/// <c>observed_data_refs</c> the observed-data involved and <c>where_sighted_refs</c> the node's identity.
/// </summary>
/// <remarks>
/// A match falls in the bucket of its <c>first_seen</c>. A bucket is closed once the watermark (see
/// <see cref="DetectionEngine.Watermark"/>) has passed its end, so memory holds only the open buckets;
/// at most <see cref="MaxObservedDataRefs"/> references are kept per sighting. Sighting ids are UUIDv5
/// of the identity, indicator and bucket, so a re-run over the same stream yields the same ids. Not
/// thread-safe.
/// </remarks>
public sealed class SightingAggregator
{
    /// <summary>The most <c>observed_data_refs</c> one sighting lists.</summary>
    public const int MaxObservedDataRefs = 100;

    private static readonly Guid SightingNamespace = new("4c3f5b1e-8a7d-5e2f-9b6c-1d0e3a4f5b6c");

    private readonly string identityRef;
    private readonly TimeSpan bucket;
    private readonly TimeProvider clock;
    private readonly SortedDictionary<(long Bucket, string Indicator), Accumulator> open = [];

    /// <summary>Creates an aggregator.</summary>
    /// <param name="identityRef">The node's identity (<c>identity--…</c>), the <c>where_sighted_refs</c>.</param>
    /// <param name="bucket">The bucket length, e.g. one hour.</param>
    /// <param name="clock">The clock for <c>created</c>/<c>modified</c>, or null for the system clock.</param>
    /// <exception cref="ArgumentException">The identity is not an identity id, or the bucket is not positive.</exception>
    public SightingAggregator(string identityRef, TimeSpan bucket, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(identityRef);
        if (!identityRef.StartsWith("identity--", StringComparison.Ordinal))
        {
            throw new ArgumentException("where_sighted_refs must be an identity id (identity--…)", nameof(identityRef));
        }

        if (bucket <= TimeSpan.Zero)
        {
            throw new ArgumentException("the bucket must be positive", nameof(bucket));
        }

        this.identityRef = identityRef;
        this.bucket = bucket;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The number of sightings not yet closed.</summary>
    public int OpenCount => open.Count;

    /// <summary>Adds a match.</summary>
    /// <param name="match">The match.</param>
    public void Add(DetectionMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var start = match.FirstSeen.Instant.UtcTicks / bucket.Ticks;
        var key = (start, match.IndicatorId);
        if (!open.TryGetValue(key, out var accumulator))
        {
            open[key] = accumulator = new Accumulator(match.FirstSeen, match.LastSeen);
        }

        accumulator.Count++;
        if (match.FirstSeen < accumulator.FirstSeen)
        {
            accumulator.FirstSeen = match.FirstSeen;
        }

        if (match.LastSeen > accumulator.LastSeen)
        {
            accumulator.LastSeen = match.LastSeen;
        }

        foreach (var reference in match.ObservedDataRefs)
        {
            if (accumulator.Refs.Count >= MaxObservedDataRefs)
            {
                break;
            }

            accumulator.Refs.Add(reference);
        }
    }

    /// <summary>Closes the buckets that end at or before the watermark and returns their sightings.</summary>
    /// <param name="watermark">No match earlier than this is expected any more.</param>
    public IReadOnlyList<StixObject> Close(DateTimeOffset watermark)
    {
        var closing = open.Keys.TakeWhile(k => (k.Bucket + 1) * bucket.Ticks <= watermark.UtcTicks).ToList();
        return [.. closing.Select(Build)];
    }

    /// <summary>Closes every bucket (at the end of a stream) and returns their sightings.</summary>
    public IReadOnlyList<StixObject> CloseAll() => [.. open.Keys.ToList().Select(Build)];

    private StixObject Build((long Bucket, string Indicator) key)
    {
        open.Remove(key, out var accumulator);
        var now = StixTimestamp.FromInstant(clock.GetUtcNow());
        var name = string.Create(CultureInfo.InvariantCulture, $"{identityRef} {key.Indicator} {key.Bucket * bucket.Ticks} {bucket.Ticks}");
        var builder = new StixObjectBuilder("sighting")
            .Set("id", "sighting--" + DeterministicId.Uuid5(SightingNamespace, name).ToString())
            .SetTimestamp("created", now)
            .SetTimestamp("modified", now)
            .Set("sighting_of_ref", key.Indicator)
            .Set("count", accumulator!.Count)
            .SetTimestamp("first_seen", accumulator.FirstSeen)
            .SetTimestamp("last_seen", accumulator.LastSeen)
            .Set("where_sighted_refs", [identityRef]);
        if (accumulator.Refs.Count > 0)
        {
            builder.Set("observed_data_refs", accumulator.Refs);
        }

        return builder.Build();
    }

    private sealed class Accumulator(StixTimestamp firstSeen, StixTimestamp lastSeen)
    {
        public long Count { get; set; }

        public StixTimestamp FirstSeen { get; set; } = firstSeen;

        public StixTimestamp LastSeen { get; set; } = lastSeen;

        public List<string> Refs { get; } = [];
    }
}
