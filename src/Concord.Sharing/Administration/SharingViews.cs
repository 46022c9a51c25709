// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Administration;

/// <summary>A party as shown to administrators.</summary>
/// <param name="Kind"><c>organization</c> or <c>working-group</c>.</param>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name; <c>(deleted)</c> when it no longer exists.</param>
public sealed record PartyView(string Kind, Guid Id, string Name);

/// <summary>A working group as shown by <c>concord group list</c> and <c>GET /api/v1/groups</c>.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Members">The member organizations.</param>
/// <param name="Collections">The ids of the collections it owns.</param>
public sealed record WorkingGroupView(Guid Id, string Name, string? Description, IReadOnlyList<PartyView> Members, IReadOnlyList<Guid> Collections);

/// <summary>An agreement as shown by <c>concord agreement show</c> and <c>GET /api/v1/agreements/{id}</c>: every field, names resolved.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Status"><c>in-force</c>, <c>pending</c> (before its start), <c>expired</c> or <c>revoked</c>.</param>
public sealed record AgreementView(Guid Id, string Name, string Status)
{
    /// <summary>The description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The parties.</summary>
    public IReadOnlyList<PartyView> Parties { get; init; } = [];

    /// <summary><c>mutual</c> or <c>one-way</c>.</summary>
    public string Direction { get; init; } = "mutual";

    /// <summary>The provider of a one-way agreement.</summary>
    public PartyView? Provider { get; init; }

    /// <summary>The TLP levels covered, by wire name.</summary>
    public IReadOnlyList<string> Tlp { get; init; } = [];

    /// <summary>The types covered; empty for every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The types excluded.</summary>
    public IReadOnlyList<string> ExcludeTypes { get; init; } = [];

    /// <summary>The personal-data categories allowed, with their legal basis.</summary>
    public IReadOnlyDictionary<string, string> PersonalData { get; init; } = new Dictionary<string, string>();

    /// <summary>The retention period in days, or null.</summary>
    public double? RetentionDays { get; init; }

    /// <summary>The start of the validity period.</summary>
    public DateTimeOffset ValidFrom { get; init; }

    /// <summary>The end of the validity period, or null.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
