// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace Concord.Storage.Sharing;

/// <summary>What a <see cref="SharingParty"/> names.</summary>
public enum SharingPartyKind
{
    /// <summary>A member organization (<see cref="Accounts.Organization"/>); a federation peer is one too.</summary>
    Organization = 0,

    /// <summary>A working group (<see cref="WorkingGroup"/>): every organization that is a member of it.</summary>
    WorkingGroup = 1,
}

/// <summary>A party of the sharing model: an organization or a working group, by id.</summary>
/// <param name="Kind">What <paramref name="Id"/> names.</param>
/// <param name="Id">The organization's or working group's id.</param>
/// <remarks>Immutable. Written <c>organization:ID</c> or <c>working-group:ID</c> by <see cref="ToString"/>.</remarks>
public readonly record struct SharingParty(SharingPartyKind Kind, Guid Id)
{
    /// <summary>An organization as a party.</summary>
    /// <param name="organizationId">The organization.</param>
    public static SharingParty Organization(Guid organizationId) => new(SharingPartyKind.Organization, organizationId);

    /// <summary>A working group as a party.</summary>
    /// <param name="workingGroupId">The working group.</param>
    public static SharingParty WorkingGroup(Guid workingGroupId) => new(SharingPartyKind.WorkingGroup, workingGroupId);

    /// <inheritdoc />
    public override string ToString() =>
        (Kind == SharingPartyKind.Organization ? "organization:" : "working-group:") + Id.ToString("D", CultureInfo.InvariantCulture);
}
