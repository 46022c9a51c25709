// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model.Meta;

namespace Concord.Storage.Sharing;

/// <summary>Which way an agreement lets data flow between its parties.</summary>
public enum AgreementDirection
{
    /// <summary>Every party may receive what every other party holds.</summary>
    Mutual = 0,

    /// <summary>Only <see cref="Agreement.Provider"/> discloses; the other parties receive.</summary>
    OneWay = 1,
}

/// <summary>
/// A sharing agreement (DESIGN principle 2): who may receive what from whom. An object version held by one party may
/// reach an organization of another party when the agreement is in force, its direction allows the flow, the
/// version's TLP level is among <see cref="TlpLevels"/> and its type passes <see cref="AllowedTypes"/> and
/// <see cref="ExcludedTypes"/>.
/// </summary>
/// <param name="Id">The identifier.</param>
/// <param name="Name">The name, unique in the store (compared ordinally).</param>
/// <remarks>Immutable. The store keeps it as given; the semantic rules (two parties at least, a provider among the parties
/// for <see cref="AgreementDirection.OneWay"/>, a legal basis per personal-data category) are checked by the sharing layer.</remarks>
public sealed record Agreement(Guid Id, string Name)
{
    /// <summary>A human-readable description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The parties: organizations and working groups.</summary>
    public IReadOnlyList<SharingParty> Parties { get; init; } = [];

    /// <summary>Which way data flows.</summary>
    public AgreementDirection Direction { get; init; }

    /// <summary>The disclosing party of a <see cref="AgreementDirection.OneWay"/> agreement; null for a mutual one.</summary>
    public SharingParty? Provider { get; init; }

    /// <summary>The TLP levels whose content the agreement covers (TLP 2.0; TLP 1.0 markings are read as their 2.0 equivalents).</summary>
    public IReadOnlyList<TlpLevel> TlpLevels { get; init; } = [];

    /// <summary>The STIX object types covered; empty means every type.</summary>
    public IReadOnlyList<string> AllowedTypes { get; init; } = [];

    /// <summary>The STIX object types never covered, whatever <see cref="AllowedTypes"/> says.</summary>
    public IReadOnlyList<string> ExcludedTypes { get; init; } = [];

    /// <summary>The personal-data categories the parties may receive, each with its legal basis.</summary>
    public IReadOnlyList<PersonalDataPermission> PersonalData { get; init; } = [];

    /// <summary>How long a recipient may keep what it receives under the agreement; null when the agreement sets no limit.</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>When the agreement comes into force.</summary>
    public DateTimeOffset ValidFrom { get; init; }

    /// <summary>When it ends (exclusive), or null for no end.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether the agreement is in force at <paramref name="now"/>: not revoked, and within its validity period.</summary>
    /// <param name="now">The instant.</param>
    public bool IsInForce(DateTimeOffset now) => RevokedAt is null && now >= ValidFrom && (ValidUntil is not { } until || now < until);
}
