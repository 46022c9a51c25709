// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>One page of a query, sorted by date added ascending (TAXII 2.1 sections 3.3 and 3.5).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items, at most the query's limit.</param>
/// <param name="More">Whether more items matched after this page (the envelope's <c>more</c>).</param>
/// <remarks>Immutable.</remarks>
public sealed record Page<T>(IReadOnlyList<T> Items, bool More)
    where T : class
{
    /// <summary>The date added of the first item, for X-TAXII-Date-Added-First; null when the page is empty.</summary>
    public DateAdded? DateAddedFirst { get; init; }

    /// <summary>The date added of the last item, for X-TAXII-Date-Added-Last; null when the page is empty.</summary>
    public DateAdded? DateAddedLast { get; init; }

    /// <summary>The envelope's <c>next</c>: set when <see cref="More"/> is true, positioned after the last item.</summary>
    public PageToken? Next => More && DateAddedLast is { } last ? new PageToken(last) : null;
}
