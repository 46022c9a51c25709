// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>
/// One object version an entry concerns, written as <c>{"id": "indicator--…", "version": "2024-01-01T00:00:00.000Z"}</c>
/// plus <c>outcome</c> and <c>paths</c> when set.
/// </summary>
/// <param name="Id">The STIX id.</param>
/// <param name="Version">
/// The version: the object's <c>modified</c>, else its <c>created</c>, else the date it was added (TAXII 2.1 section 3.4);
/// null when the object could not be read far enough to know it (a refused ingest).
/// </param>
public sealed record AuditObjectRef(string Id, string? Version)
{
    /// <summary>For an ingest: <c>added</c>, <c>duplicate</c> or <c>refused</c>; otherwise usually null.</summary>
    public string? Outcome { get; init; }

    /// <summary>For a redaction: the JSON paths removed from this version (e.g. <c>$.description</c>); otherwise null.</summary>
    public IReadOnlyList<string>? Paths { get; init; }
}
