// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Detection;

/// <summary>
/// Settings of a <see cref="DetectionEngine"/>. Immutable: use <c>with</c> to change a setting.
/// </summary>
/// <remarks>
/// <para>Multi-observation patterns (<c>AND</c>/<c>FOLLOWEDBY</c> across observations, <c>REPEATS</c>)
/// keep, per indicator, the observations that matched one of its observation expressions. Each is kept
/// while a later observation could still complete a match with it: for a pattern whose whole span is
/// bounded by <c>WITHIN w SECONDS</c>, while its <c>first_observed</c> is later than the watermark minus
/// w; otherwise while it is later than the watermark minus <see cref="MaxWindow"/>. The watermark is the
/// latest <c>first_observed</c> seen minus <see cref="Lateness"/>.</para>
/// <para>Memory is bounded by <see cref="MaxRetainedPerIndicator"/> observations per multi-observation
/// indicator and <see cref="MaxRetainedObservations"/> in all; when a bound is reached the oldest
/// observation of that indicator is dropped and counted in <see cref="DetectionStatistics.Evicted"/>.</para>
/// </remarks>
public sealed record DetectionOptions
{
    /// <summary>How late (by <c>first_observed</c>) an observation may arrive and still be combined with earlier ones; default 5 minutes.</summary>
    public TimeSpan Lateness { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long observations are kept for multi-observation patterns without an overall <c>WITHIN</c>; default 1 hour.</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The most observations kept for one multi-observation indicator; default 256.</summary>
    public int MaxRetainedPerIndicator { get; init; } = 256;

    /// <summary>The most observations kept for all multi-observation indicators together; default 100,000.</summary>
    public int MaxRetainedObservations { get; init; } = 100_000;

    /// <summary>The most matches reported for one multi-observation indicator per observation; default 16.</summary>
    public int MaxMatchesPerObservation { get; init; } = 16;
}
