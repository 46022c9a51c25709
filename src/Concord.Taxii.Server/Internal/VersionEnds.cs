// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Stix;
using Concord.Storage.Objects;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// <c>match[version]=first|last</c> among the versions a caller may receive, for one batch of rows: the objects of the batch
/// that have several versions, and for each the instants of its earliest and latest disclosed versions. A row of an object
/// with a single version is its own first and last.
/// </summary>
/// <param name="several">The ids of the batch's objects with several versions.</param>
/// <param name="ends">For those, the earliest and latest disclosed versions (absent when none is disclosed).</param>
internal sealed class VersionEnds(HashSet<string> several, Dictionary<string, (StixTimestamp? First, StixTimestamp? Last)> ends)
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> byChars = several.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the filter selects a disclosed row (its id and version as stored).</summary>
    public bool Selected(string id, string version, VersionFilter filter)
    {
        if (!several.Contains(id))
        {
            return true;
        }

        var instant = Instant(version);
        if (instant is { } known && filter.Versions.Contains(known))
        {
            return true;
        }

        return ends.TryGetValue(id, out var end) && ((filter.First && end.First == instant) || (filter.Last && end.Last == instant));
    }

    /// <summary>Whether the filter selects a disclosed row, its id and version in UTF-8 (decoded only for an object with several versions).</summary>
    public bool Selected(ReadOnlySpan<byte> id, ReadOnlySpan<byte> version, VersionFilter filter)
    {
        var chars = id.Length <= 256 ? stackalloc char[id.Length] : new char[id.Length];
        return !byChars.Contains(chars[..Encoding.UTF8.GetChars(id, chars)]) || Selected(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(version), filter);
    }

    /// <summary>A stored version as an instant; null when it is not a STIX timestamp.</summary>
    public static StixTimestamp? Instant(string version) => StixTimestamp.TryParse(version, out var instant) ? instant : null;
}
