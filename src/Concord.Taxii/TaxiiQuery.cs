// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;

namespace Concord.Taxii;

/// <summary>
/// The filtering and paging parameters of a TAXII request (sections 3.4 and 3.5): <c>added_after</c>,
/// <c>limit</c>, <c>next</c> and <c>match[id|type|version|spec_version]</c>. Values within one match field are ORed,
/// fields are ANDed.
/// </summary>
/// <remarks>Immutable; derive variants with <c>with</c>.</remarks>
public sealed record TaxiiQuery
{
    /// <summary>The empty query: every object, latest versions, the server's default page size.</summary>
    public static TaxiiQuery All { get; } = new();

    /// <summary>Only objects added after this instant.</summary>
    public DateTimeOffset? AddedAfter { get; init; }

    /// <summary>The largest number of items in one response; a positive integer.</summary>
    public int? Limit { get; init; }

    /// <summary>The opaque paging value from a previous response's <c>next</c>.</summary>
    public string? Next { get; init; }

    /// <summary><c>match[id]</c>: STIX ids.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary><c>match[type]</c>: STIX types.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary><c>match[version]</c>: <c>last</c>, <c>first</c>, <c>all</c> or STIX timestamps.</summary>
    public IReadOnlyList<string>? Versions { get; init; }

    /// <summary><c>match[spec_version]</c>: STIX specification versions such as <c>2.1</c>.</summary>
    public IReadOnlyList<string>? SpecVersions { get; init; }

    /// <summary>The query string, starting with <c>?</c>, or empty when there is no parameter.</summary>
    /// <exception cref="TaxiiException">A value is not allowed by the specification (kind <see cref="TaxiiErrorKind.InvalidRequest"/>).</exception>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        if (AddedAfter is { } addedAfter)
        {
            Append(builder, "added_after", TaxiiTimestamp.Format(addedAfter));
        }

        if (Limit is { } limit)
        {
            if (limit <= 0)
            {
                throw new TaxiiException(TaxiiErrorKind.InvalidRequest, $"limit must be a positive integer, not {limit}.");
            }

            Append(builder, "limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (Next is not null)
        {
            Append(builder, "next", Next);
        }

        AppendMatch(builder, "id", Ids);
        AppendMatch(builder, "type", Types);
        AppendMatch(builder, "version", Versions);
        AppendMatch(builder, "spec_version", SpecVersions);
        return builder.ToString();
    }

    private static void AppendMatch(StringBuilder builder, string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidRequest, $"match[{field}] needs at least one value; leave it null to match everything.");
        }

        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value) || value.Contains(',', StringComparison.Ordinal))
            {
                throw new TaxiiException(TaxiiErrorKind.InvalidRequest, $"match[{field}] values must be non-empty and contain no comma.");
            }
        }

        Append(builder, $"match[{field}]", string.Join(',', values));
    }

    private static void Append(StringBuilder builder, string name, string value) =>
        builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
}
