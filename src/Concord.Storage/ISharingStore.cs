// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Sharing;

namespace Concord.Storage;

/// <summary>
/// The sharing model, kept in the same database as the objects and accounts: working groups and their member
/// organizations, agreements, and collection ownership by working groups (ownership by an organization is
/// <see cref="Collections.CollectionInfo.OwnerOrganizationId"/>).
/// </summary>
/// <remarks>
/// <para><b>Contract for implementers.</b> The same thread-safety and durability rules as <see cref="IObjectStore"/>.
/// Names are compared ordinally. Every successful write that changes the model increments a revision number by at least
/// one in the same transaction, so a reader holding a <see cref="SharingModel"/> can tell cheaply whether it is stale
/// (<see cref="GetSharingRevisionAsync"/>). Referenced organizations, working groups and collections must exist
/// (<see cref="StorageNotFoundException"/> otherwise). The store enforces referential rules only; the semantic rules of
/// an agreement are the sharing layer's.</para>
/// </remarks>
public interface ISharingStore
{
    /// <summary>Creates a working group with a new id and no members.</summary>
    /// <param name="name">The name; must be unused.</param>
    /// <param name="description">A description, or null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The name is taken.</exception>
    Task<WorkingGroup> CreateWorkingGroupAsync(string name, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a working group with its members by id; null when there is none.</summary>
    /// <param name="workingGroupId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<WorkingGroup?> GetWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default);

    /// <summary>Finds a working group with its members by name; null when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<WorkingGroup?> FindWorkingGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the working groups with their members, by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<WorkingGroup>> ListWorkingGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a working group and its memberships.</summary>
    /// <param name="workingGroupId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it existed.</returns>
    /// <exception cref="StorageConflictException">It owns a collection or is a party of an agreement that is not revoked.</exception>
    Task<bool> DeleteWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default);

    /// <summary>Makes an organization a member of a working group.</summary>
    /// <param name="workingGroupId">The working group.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when it already was a member (nothing changes).</returns>
    /// <exception cref="StorageNotFoundException">The working group or the organization does not exist.</exception>
    Task<bool> AddWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Removes an organization from a working group.</summary>
    /// <param name="workingGroupId">The working group.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when it was not a member.</returns>
    Task<bool> RemoveWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Records an agreement as given.</summary>
    /// <param name="agreement">The agreement; its id and name must be unused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The id or the name is taken.</exception>
    /// <exception cref="StorageNotFoundException">A party or the provider does not exist.</exception>
    Task CreateAgreementAsync(Agreement agreement, CancellationToken cancellationToken = default);

    /// <summary>Gets an agreement by id; null when there is none.</summary>
    /// <param name="agreementId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<Agreement?> GetAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default);

    /// <summary>Finds an agreement by name; null when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<Agreement?> FindAgreementAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists every agreement, revoked ones included, by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<Agreement>> ListAgreementsAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes an agreement (idempotent: a second call keeps the first revocation time).</summary>
    /// <param name="agreementId">The agreement.</param>
    /// <param name="revokedAt">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the agreement exists.</returns>
    Task<bool> RevokeAgreementAsync(Guid agreementId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Makes a working group the owner of a collection, or (null) removes the working group's ownership.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="workingGroupId">The owning working group, or null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageNotFoundException">The collection or the working group does not exist.</exception>
    /// <exception cref="StorageConflictException">The collection is owned by an organization: a collection has one owner.</exception>
    Task SetCollectionWorkingGroupAsync(Guid collectionId, Guid? workingGroupId, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole sharing model in one consistent snapshot.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<SharingModel> GetSharingModelAsync(CancellationToken cancellationToken = default);

    /// <summary>The current revision of the sharing model: it changes with every write that changes the model.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<long> GetSharingRevisionAsync(CancellationToken cancellationToken = default);
}
