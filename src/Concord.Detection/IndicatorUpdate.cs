// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Detection;

/// <summary>What applying an indicator to a <see cref="DetectionEngine"/> did.</summary>
public enum IndicatorUpdateKind
{
    /// <summary>A new indicator now runs.</summary>
    Added,

    /// <summary>A newer version replaced the running one (its multi-observation state is reset).</summary>
    Revised,

    /// <summary>The indicator was revoked and no longer runs; older versions are ignored from now on.</summary>
    Revoked,

    /// <summary>The version is not newer than the one known (by <c>modified</c>); nothing changed.</summary>
    Stale,

    /// <summary>The object was not used: not an indicator, no <c>id</c>, a <c>pattern_type</c> other than <c>stix</c>, or an invalid pattern.</summary>
    Rejected,
}

/// <summary>The outcome of applying one indicator.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="IndicatorId">The indicator's id, when it has one.</param>
/// <param name="Reason">Why it was rejected, or null.</param>
public sealed record IndicatorUpdate(IndicatorUpdateKind Kind, string? IndicatorId, string? Reason = null);
