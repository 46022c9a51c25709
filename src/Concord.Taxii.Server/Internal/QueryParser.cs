// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Stix;
using Concord.Storage;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Concord.Taxii.Server.Internal;

/// <summary>Which filters an endpoint accepts (sections 5.3 to 5.8); the others are ignored as section 3.4 allows.</summary>
[Flags]
internal enum FilterSet
{
    None = 0,
    Paging = 1,
    Id = 2,
    Type = 4,
    Version = 8,
    SpecVersion = 16,
    Objects = Paging | Id | Type | Version | SpecVersion,
    Object = Paging | Version | SpecVersion,
    Versions = Paging | SpecVersion,
    Delete = Version | SpecVersion,
}

/// <summary>Parses the TAXII query parameters (section 3.4) into a store query; anything malformed is a 400.</summary>
internal static class QueryParser
{
    private const int MaxListValues = 1000;

    public static ObjectQuery Parse(IQueryCollection query, FilterSet accepted, TaxiiServerOptions options)
    {
        var result = ObjectQuery.Default;
        if (accepted.HasFlag(FilterSet.Paging))
        {
            result = result with { Limit = options.DefaultPageSize };
            if (Single(query, "added_after") is { } addedAfter)
            {
                result = StixTimestamp.TryParse(addedAfter, out var timestamp)
                    ? result with { AddedAfter = timestamp }
                    : throw TaxiiProblem.InvalidFilter("added_after must be a single timestamp such as 2021-06-10T12:00:00.000000Z.");
            }

            if (Single(query, "limit") is { } limitText)
            {
                if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0)
                {
                    throw TaxiiProblem.InvalidFilter("limit must be a single positive integer.");
                }

                result = result with { Limit = Math.Min(limit, options.MaxPageSize) };
            }

            if (Single(query, "next") is { } next)
            {
                result = PageToken.TryParse(next, out var token)
                    ? result with { Next = token }
                    : throw TaxiiProblem.InvalidFilter("next is not a value this server gave; repeat the original query without it.");
            }
        }

        if (accepted.HasFlag(FilterSet.Id) && List(query, "match[id]") is { } ids)
        {
            foreach (var id in ids)
            {
                if (!StixIdentifier.TryParse(id, out _))
                {
                    throw TaxiiProblem.InvalidFilter("match[id] values must be STIX identifiers (type--UUID), separated by commas.");
                }
            }

            result = result with { Ids = ids };
        }

        if (accepted.HasFlag(FilterSet.Type) && List(query, "match[type]") is { } types)
        {
            foreach (var type in types)
            {
                if (!IsTypeName(type))
                {
                    throw TaxiiProblem.InvalidFilter("match[type] values must be STIX type names (a-z, 0-9, hyphen, at most 250 characters), separated by commas.");
                }
            }

            result = result with { Types = types };
        }

        if (accepted.HasFlag(FilterSet.Version) && Single(query, "match[version]") is { } versionText)
        {
            result = VersionFilter.TryParse(versionText, out var versions, out var error)
                ? result with { Versions = versions }
                : throw TaxiiProblem.InvalidFilter(error);
        }

        if (accepted.HasFlag(FilterSet.SpecVersion) && List(query, "match[spec_version]") is { } specVersions)
        {
            foreach (var specVersion in specVersions)
            {
                if (!IsSpecVersion(specVersion))
                {
                    throw TaxiiProblem.InvalidFilter("match[spec_version] values must be versions such as 2.1, separated by commas.");
                }
            }

            result = result with { SpecVersions = specVersions };
        }

        return result;
    }

    /// <summary>Rejects repeated parameters: each may occur once (section 3.4).</summary>
    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            throw TaxiiProblem.InvalidFilter($"{name} must occur at most once.");
        }

        return values[0] ?? string.Empty;
    }

    private static string[]? List(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        var values = text.Split(',');
        if (values.Length > MaxListValues)
        {
            throw TaxiiProblem.InvalidFilter($"{name} has more than {MaxListValues} values.");
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            throw TaxiiProblem.InvalidFilter($"{name} values must be non-empty and separated by single commas without spaces.");
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool IsTypeName(string type)
    {
        if (type.Length is < 1 or > 250)
        {
            return false;
        }

        foreach (var c in type)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpecVersion(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < value.Length - 1 && value.Length <= 16
            && value.AsSpan(0, dot).ContainsAnyExceptInRange('0', '9') is false
            && value.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9') is false;
    }

}
