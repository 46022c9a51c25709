// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix;

namespace Concord.Detection;

/// <summary>One match of an indicator: the observations that satisfy its pattern together.</summary>
/// <param name="IndicatorId">The indicator's <c>id</c>.</param>
/// <param name="Bindings">Which observation satisfied which observation expression.</param>
/// <param name="FirstSeen">The earliest <c>first_observed</c> of the bound observations.</param>
/// <param name="LastSeen">The latest <c>last_observed</c> of the bound observations.</param>
public sealed record DetectionMatch(string IndicatorId, IReadOnlyList<MatchBinding> Bindings, StixTimestamp FirstSeen, StixTimestamp LastSeen)
{
    /// <summary>The distinct <c>id</c>s of the bound observed-data, in binding order.</summary>
    public IEnumerable<string> ObservedDataRefs =>
        Bindings.Select(b => b.ObservedDataId).OfType<string>().Distinct(StringComparer.Ordinal);
}

/// <summary>One observation bound to one observation expression of a pattern.</summary>
/// <param name="Expression">The observation expression, in canonical syntax.</param>
/// <param name="ObservedDataId">The observed-data's <c>id</c>, if it has one.</param>
/// <param name="Instance">Which of the observed-data's <c>number_observed</c> observations (0-based).</param>
/// <param name="MatchedObject">The SCO the comparisons started from (a self-contained copy).</param>
public sealed record MatchBinding(string Expression, string? ObservedDataId, long Instance, JsonElement MatchedObject);
