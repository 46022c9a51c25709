// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Sharing;

/// <summary>
/// Everything the policy decision point needs from the store, read in one snapshot: working groups with their members,
/// agreements (revoked ones included) and which collections working groups own.
/// </summary>
/// <param name="Revision">The value of <see cref="ISharingStore.GetSharingRevisionAsync"/> this snapshot reflects.</param>
/// <param name="WorkingGroups">Every working group, by name.</param>
/// <param name="Agreements">Every agreement, by name.</param>
/// <param name="CollectionWorkingGroups">The owning working group of each collection a working group owns (collections owned by an
/// organization carry it in <see cref="Collections.CollectionInfo.OwnerOrganizationId"/>).</param>
/// <remarks>Immutable.</remarks>
public sealed record SharingModel(
    long Revision,
    IReadOnlyList<WorkingGroup> WorkingGroups,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyDictionary<Guid, Guid> CollectionWorkingGroups)
{
    /// <summary>An empty model: no groups, no agreements.</summary>
    public static SharingModel Empty { get; } = new(0, [], [], new Dictionary<Guid, Guid>());
}
