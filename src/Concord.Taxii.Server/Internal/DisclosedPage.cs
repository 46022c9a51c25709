// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage;
using Concord.Storage.Objects;

namespace Concord.Taxii.Server.Internal;

/// <summary>One object version a caller receives, with the JSON to send (redacted when the policy said so).</summary>
/// <param name="Version">The stored version.</param>
/// <param name="Json">The JSON to send.</param>
internal sealed record DisclosedVersion(StoredObject Version, ReadOnlyMemory<byte> Json);

/// <summary>
/// A page as the caller may see it: only disclosed versions, with <c>more</c>, <c>next</c> and the
/// X-TAXII-Date-Added-First/Last values computed over them (TAXII 2.1 sections 3.4 and 3.5), so that a denied version
/// leaves no trace in a page.
/// </summary>
/// <param name="Items">The versions, by date added ascending.</param>
/// <param name="More">Whether the caller may receive more versions after this page.</param>
internal sealed record DisclosedPage(IReadOnlyList<DisclosedVersion> Items, bool More)
{
    public DateAdded? DateAddedFirst => Items.Count == 0 ? null : Items[0].Version.DateAdded;

    public DateAdded? DateAddedLast => Items.Count == 0 ? null : Items[^1].Version.DateAdded;

    public PageToken? Next => More && DateAddedLast is { } last ? new PageToken(last) : null;

    /// <summary>
    /// Completes when the audit entries of this page are durable. Nothing of the page may be sent before (a disclosure is
    /// recorded first); the response can be built meanwhile, so the audit log's flush to disk overlaps it.
    /// </summary>
    public Task Recorded { get; init; } = Task.CompletedTask;

    /// <summary>A page of a store read with no policy applied (enforcement switched off).</summary>
    public static DisclosedPage Unfiltered(Page<StoredObject> page) =>
        new([.. page.Items.Select(item => new DisclosedVersion(item, item.Json))], page.More);
}
