// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using Concord.Stix;

namespace Concord.Storage.Objects;

/// <summary>
/// The TAXII <c>match[version]</c> filter (section 3.4.1): <c>last</c> (the default), <c>first</c>,
/// <c>all</c>, specific versions, or a comma list of <c>first</c>, <c>last</c> and specific versions
/// (a version is selected when any listed value selects it).
/// </summary>
/// <remarks>
/// <c>first</c> and <c>last</c> are the earliest and latest version of each object among the versions the
/// <c>match[spec_version]</c> filter keeps, computed over the whole collection, before <c>added_after</c>,
/// <c>next</c> and <c>limit</c> apply. So paging with <c>last</c> while a writer adds a new version of an
/// object returns the new version on a later page, and the superseded one drops out. Immutable.
/// </remarks>
public sealed class VersionFilter
{
    private VersionFilter(bool all, bool first, bool last, IReadOnlyList<StixTimestamp> versions)
    {
        All = all;
        First = first;
        Last = last;
        Versions = versions;
    }

    /// <summary>The default: the latest version of each object.</summary>
    public static VersionFilter LastVersion { get; } = new(false, false, true, []);

    /// <summary>The earliest version of each object.</summary>
    public static VersionFilter FirstVersion { get; } = new(false, true, false, []);

    /// <summary>Every version of each object.</summary>
    public static VersionFilter AllVersions { get; } = new(true, false, false, []);

    /// <summary>Whether every version is selected (then <see cref="First"/>, <see cref="Last"/> and <see cref="Versions"/> are unset).</summary>
    public bool All { get; }

    /// <summary>Whether the earliest version of each object is selected.</summary>
    public bool First { get; }

    /// <summary>Whether the latest version of each object is selected.</summary>
    public bool Last { get; }

    /// <summary>Specific versions, compared by instant with the object's version (its <c>modified</c>, else <c>created</c>, else its date added).</summary>
    public IReadOnlyList<StixTimestamp> Versions { get; }

    /// <summary>Creates a filter for specific versions, optionally with <c>first</c> and <c>last</c>.</summary>
    /// <param name="versions">The versions; duplicates by instant are not allowed.</param>
    /// <param name="first">Whether to add <c>first</c>.</param>
    /// <param name="last">Whether to add <c>last</c>.</param>
    /// <exception cref="ArgumentException">Nothing is selected, or a version occurs twice.</exception>
    public static VersionFilter Of(IEnumerable<StixTimestamp> versions, bool first = false, bool last = false)
    {
        var list = versions.ToArray();
        if (list.Length == 0 && !first && !last)
        {
            throw new ArgumentException("A version filter selects at least one version.", nameof(versions));
        }

        if (list.Distinct().Count() != list.Length)
        {
            throw new ArgumentException("A version occurs more than once.", nameof(versions));
        }

        return new VersionFilter(false, first, last, list);
    }

    /// <summary>Parses the value of <c>match[version]</c> with the rules of section 3.4.1.</summary>
    /// <param name="text">The comma-separated value.</param>
    /// <param name="filter">The filter when valid.</param>
    /// <param name="error">Why the value is malformed, for the 400 error resource.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "match[version] is empty.";
            return false;
        }

        bool all = false, first = false, last = false;
        var versions = new List<StixTimestamp>();
        foreach (var part in text.Split(','))
        {
            var duplicate = part switch
            {
                "all" => Set(ref all),
                "first" => Set(ref first),
                "last" => Set(ref last),
                _ when StixTimestamp.TryParse(part, out var version) => AddVersion(versions, version),
                _ => null,
            };
            if (duplicate is null)
            {
                error = "match[version] values are 'all', 'first', 'last' or STIX timestamps, separated by commas without spaces.";
                return false;
            }

            if (duplicate.Value)
            {
                error = "match[version] must not repeat a value.";
                return false;
            }
        }

        if (all && (first || last || versions.Count > 0))
        {
            error = "match[version]=all must not be combined with other values.";
            return false;
        }

        filter = all ? AllVersions : new VersionFilter(false, first, last, versions);
        error = null;
        return true;
    }

    private static bool? Set(ref bool flag)
    {
        var was = flag;
        flag = true;
        return was;
    }

    private static bool? AddVersion(List<StixTimestamp> versions, StixTimestamp version)
    {
        if (versions.Contains(version))
        {
            return true;
        }

        versions.Add(version);
        return false;
    }
}
