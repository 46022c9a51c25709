// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Patterning.Ast;
using Concord.Stix;

namespace Concord.Patterning;

/// <summary>The outcome of matching a pattern against observations.</summary>
/// <param name="IsMatch">Whether the pattern matches.</param>
/// <param name="Bindings">
/// When it matches, one binding of a set of distinct observations that satisfies the whole pattern:
/// which observation satisfied which observation expression (an expression under <c>REPEATS</c> appears
/// once per repetition). Empty when it does not match.
/// </param>
public sealed record PatternMatchResult(bool IsMatch, IReadOnlyList<ObservationBinding> Bindings)
{
    /// <summary>The result for no match.</summary>
    public static PatternMatchResult NoMatch { get; } = new(false, []);
}

/// <summary>One observation assigned to one observation expression of the pattern.</summary>
/// <param name="Expression">The bracketed observation expression.</param>
/// <param name="ObservedData">The observed-data object.</param>
/// <param name="Instance">
/// Which of the observed-data's <c>number_observed</c> observations (0-based): an observed-data that
/// records several observations can satisfy several expressions, each with a different observation.
/// </param>
/// <param name="MatchedObject">The SCO all comparison expressions started from.</param>
public sealed record ObservationBinding(ObservationExpression Expression, JsonElement ObservedData, long Instance, JsonElement MatchedObject)
{
    /// <summary>The observed-data's <c>id</c>, if it has one.</summary>
    public string? ObservedDataId =>
        ObservedData.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The observed-data's <c>first_observed</c>.</summary>
    public StixTimestamp FirstObserved => StixTimestamp.Parse(ObservedData.GetProperty("first_observed").GetString()!);

    /// <summary>The observed-data's <c>last_observed</c>.</summary>
    public StixTimestamp LastObserved => StixTimestamp.Parse(ObservedData.GetProperty("last_observed").GetString()!);
}
