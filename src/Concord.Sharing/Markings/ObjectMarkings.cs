// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing.Markings;

/// <summary>
/// The markings of one object version that the sharing policy reads: its TLP level from <c>object_marking_refs</c>
/// (STIX 2.1 section 7.2.2), the TLP levels granular markings put on parts of it (section 7.2.3), and its named
/// recipients (<see cref="ConcordRecipients"/>).
/// </summary>
/// <remarks>
/// TLP is recognised by the standard marking-definition ids only (<see cref="TlpMarkings"/>); TLP 1.0 ids are read as
/// their TLP 2.0 equivalents (WHITE as CLEAR). Several TLP markings are cumulative: the most restrictive applies, and a
/// property covered by a granular TLP marking needs both the object's level and the granular one (section 7.2 leaves the
/// combination to the marking scheme; TLP 2.0 asks for the most restrictive). Statement markings and language markings
/// restrict nothing and are passed on unchanged. Immutable.
/// </remarks>
/// <param name="Level">The most restrictive TLP level in <c>object_marking_refs</c>, or null when the object has none.</param>
/// <param name="Granular">The granular TLP markings, one per <c>granular_markings</c> entry that references a TLP marking-definition.</param>
/// <param name="Recipients">The named recipient organizations.</param>
public sealed record ObjectMarkings(TlpLevel? Level, IReadOnlyList<GranularTlp> Granular, IReadOnlyList<Guid> Recipients)
{
    /// <summary>Reads the markings of an object.</summary>
    /// <param name="root">The object.</param>
    /// <returns>The markings. Malformed selectors are kept out of <see cref="GranularTlp.Selectors"/>; the whole granular marking then
    /// covers the object (<see cref="GranularTlp.CoversAll"/>), so a bad selector never widens access.</returns>
    public static ObjectMarkings Read(JsonElement root)
    {
        TlpLevel? level = null;
        if (root.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in refs.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && TlpMarkings.LevelOf(item.GetString()) is { } each && (level is null || each > level))
                {
                    level = each;
                }
            }
        }

        List<GranularTlp>? granular = null;
        if (root.TryGetProperty("granular_markings", out var markings) && markings.ValueKind == JsonValueKind.Array)
        {
            foreach (var marking in markings.EnumerateArray())
            {
                if (marking.ValueKind != JsonValueKind.Object
                    || !marking.TryGetProperty("marking_ref", out var markingRef)
                    || markingRef.ValueKind != JsonValueKind.String
                    || TlpMarkings.LevelOf(markingRef.GetString()) is not { } granularLevel)
                {
                    continue;
                }

                var selectors = new List<GranularSelector>();
                var coversAll = !marking.TryGetProperty("selectors", out var list) || list.ValueKind != JsonValueKind.Array;
                if (!coversAll)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String && GranularSelector.TryParse(item.GetString(), out var selector))
                        {
                            selectors.Add(selector);
                        }
                        else
                        {
                            coversAll = true;
                        }
                    }
                }

                (granular ??= []).Add(new GranularTlp(granularLevel, selectors, coversAll));
            }
        }

        return new ObjectMarkings(level, granular ?? (IReadOnlyList<GranularTlp>)[], ConcordRecipients.Read(root));
    }
}

/// <summary>A granular TLP marking: the level, and the parts of the object it covers.</summary>
/// <param name="Level">The TLP level.</param>
/// <param name="Selectors">The parsed selectors.</param>
/// <param name="CoversAll">Whether a selector could not be parsed: the marking is then taken to cover the whole object.</param>
public sealed record GranularTlp(TlpLevel Level, IReadOnlyList<GranularSelector> Selectors, bool CoversAll);
