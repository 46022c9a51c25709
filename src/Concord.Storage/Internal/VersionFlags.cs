// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Internal;

/// <summary>One stored version of an object, as the engines load it to maintain its flags.</summary>
/// <param name="DateAdded">The date added, in microseconds since the epoch.</param>
/// <param name="Key">The version key (<see cref="VersionKey"/>).</param>
/// <param name="Version">The version as written.</param>
/// <param name="Spec">The spec version.</param>
/// <param name="LatestSpec">Whether this version has the object's greatest spec version.</param>
/// <param name="First">Whether this is the earliest version among those with the latest spec version.</param>
/// <param name="Last">Whether this is the latest version among those with the latest spec version.</param>
internal readonly record struct VersionRow(long DateAdded, string Key, string Version, string Spec, bool LatestSpec, bool First, bool Last)
{
    /// <summary>Whether <see cref="VersionFlags.Compute"/> changed the flags of this row.</summary>
    public bool Changed { get; init; }
}

/// <summary>The flags that make the default TAXII filters (latest spec version, <c>first</c>, <c>last</c>) an index scan.</summary>
internal static class VersionFlags
{
    /// <summary>
    /// Sets latest_spec (the object's greatest spec version), and is_first / is_last (the least and greatest version key
    /// among the latest-spec versions) for the versions of one object. Returns the rows with the new flags, in the same order.
    /// </summary>
    public static VersionRow[] Compute(IReadOnlyList<VersionRow> rows)
    {
        var latest = rows[0].Spec;
        foreach (var row in rows)
        {
            if (VersionKey.CompareSpecVersions(row.Spec, latest) > 0)
            {
                latest = row.Spec;
            }
        }

        string? min = null, max = null;
        foreach (var row in rows)
        {
            if (string.Equals(row.Spec, latest, StringComparison.Ordinal))
            {
                min = min is null || string.CompareOrdinal(row.Key, min) < 0 ? row.Key : min;
                max = max is null || string.CompareOrdinal(row.Key, max) > 0 ? row.Key : max;
            }
        }

        var result = new VersionRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var isLatest = string.Equals(row.Spec, latest, StringComparison.Ordinal);
            result[i] = row with
            {
                LatestSpec = isLatest,
                First = isLatest && string.Equals(row.Key, min, StringComparison.Ordinal),
                Last = isLatest && string.Equals(row.Key, max, StringComparison.Ordinal),
                Changed = row.LatestSpec != isLatest
                    || row.First != (isLatest && string.Equals(row.Key, min, StringComparison.Ordinal))
                    || row.Last != (isLatest && string.Equals(row.Key, max, StringComparison.Ordinal)),
            };
        }

        return result;
    }
}
