// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Detection;

/// <summary>Counters of a <see cref="DetectionEngine"/> since it was created.</summary>
/// <param name="Observations">Observations processed (one per observed-data or plain event).</param>
/// <param name="Candidates">Observation expressions evaluated because an index selected them.</param>
/// <param name="Matches">Matches reported.</param>
/// <param name="Late">Observations that arrived later than the lateness allows (still matched, but partners may have expired).</param>
/// <param name="Evicted">Observations dropped from multi-observation state by the memory bounds.</param>
/// <param name="Retained">Observations currently kept for multi-observation patterns.</param>
public sealed record DetectionStatistics(long Observations, long Candidates, long Matches, long Late, long Evicted, long Retained);
