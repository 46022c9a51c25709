// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;

namespace Concord.Storage.Objects;

/// <summary>
/// The TAXII 2.1 filters of the objects, manifest, object and versions endpoints (sections 3.4 and 5).
/// All filters are ANDed; the values within one list filter are ORed.
/// </summary>
/// <remarks>
/// Results are always sorted by date added, ascending (section 3.3). Evaluation order: the
/// <see cref="SpecVersions"/> filter, then <see cref="Versions"/> per object over the whole collection,
/// then <see cref="Ids"/> and <see cref="Types"/>, then the position (<see cref="AddedAfter"/> and
/// <see cref="Next"/>: both apply, the later one wins), then <see cref="Limit"/>. Immutable.
/// </remarks>
public sealed record ObjectQuery
{
    /// <summary>No filter: the latest version (of the latest spec version) of every object, from the oldest.</summary>
    public static ObjectQuery Default { get; } = new();

    /// <summary><c>added_after</c>: only versions added strictly after this instant.</summary>
    public StixTimestamp? AddedAfter { get; init; }

    /// <summary><c>next</c>: continue after the page that returned this token.</summary>
    public PageToken? Next { get; init; }

    /// <summary>
    /// <c>limit</c>: at most this many versions (a positive number); null means no limit. The TAXII
    /// layer applies its own server-side maximum before calling the store.
    /// </summary>
    public int? Limit { get; init; }

    /// <summary><c>match[id]</c>: only these object ids; null or empty means any.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary><c>match[type]</c>: only these object types; null or empty means any.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary><c>match[version]</c>: defaults to <see cref="VersionFilter.LastVersion"/>.</summary>
    public VersionFilter Versions { get; init; } = VersionFilter.LastVersion;

    /// <summary>
    /// <c>match[spec_version]</c>: only versions with these spec versions. Null or empty means the
    /// default of section 3.4.1: for each object, only the versions with the latest spec version it has.
    /// </summary>
    public IReadOnlyList<string>? SpecVersions { get; init; }
}
