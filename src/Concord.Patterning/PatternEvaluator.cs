// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Patterning.Internal;

namespace Concord.Patterning;

/// <summary>
/// The reference evaluator of STIX patterns (section 9) over observed-data objects.
/// </summary>
/// <remarks>
/// <para>Input: STIX 2.1 observed-data with <c>object_refs</c> plus the SCOs they reference (bundles and
/// arrays are opened), or deprecated observed-data with an <c>objects</c> dictionary. Only SCOs of the
/// observation can be reached: a reference to anything else does not resolve. Observed-data without valid
/// <c>first_observed</c>/<c>last_observed</c> is ignored.</para>
/// <para>An observed-data with <c>number_observed</c> n stands for n observations in its time window; each
/// can satisfy a different observation expression. The observation time of an observation is its
/// observed-data's window [<c>first_observed</c>, <c>last_observed</c>], and qualifiers hold for every
/// point of it: <c>START x STOP y</c> needs x &lt;= first_observed and last_observed &lt; y; <c>WITHIN n
/// SECONDS</c> needs the latest last_observed of the set to be earlier than the earliest first_observed plus
/// n seconds; <c>a FOLLOWEDBY b</c> needs every observation of b to start no earlier than every observation of
/// a ends.</para>
/// <para>LIKE normalizes its constant and MATCHES its string subject to NFC with <see cref="string.Normalize(System.Text.NormalizationForm)"/>,
/// which needs ICU: in a process running with invariant globalization, normalization does nothing and
/// canonically equivalent but differently composed strings do not match.</para>
/// <para>The search backtracks over assignments of distinct observations to the observation expressions,
/// so it finds a binding whenever one exists; in the worst case it is exponential in the number of
/// observation expressions and repetitions.</para>
/// </remarks>
public static class PatternEvaluator
{
    /// <summary>Matches a pattern against observations.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="observations">A bundle, an array of STIX objects, or one observed-data object.</param>
    public static PatternMatchResult Match(StixPattern pattern, JsonElement observations) => Match(pattern, [observations]);

    /// <summary>Matches a pattern against observations.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="objects">STIX objects: observed-data and the SCOs they reference; bundles and arrays are opened.</param>
    public static PatternMatchResult Match(StixPattern pattern, IEnumerable<JsonElement> objects)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(objects);
        var observations = Observation.Collect(objects);
        return new BindingSearch(pattern.Root, observations).FindFirst();
    }
}
