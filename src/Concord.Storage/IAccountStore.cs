// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Accounts;

namespace Concord.Storage;

/// <summary>
/// The accounts model, kept in the same database as the objects: organizations, users, API tokens and
/// per-organization collection grants.
/// </summary>
/// <remarks>
/// <para><b>Contract for implementers.</b> The same thread-safety and durability rules as <see cref="IObjectStore"/>:
/// every member may be called concurrently; a write completes only once committed with fsync semantics.
/// Names and token hashes are compared ordinally. The store never sees a password or a token secret, only the
/// opaque hash strings its callers compute; it never logs them.</para>
/// </remarks>
public interface IAccountStore
{
    /// <summary>Creates an organization with a new id.</summary>
    /// <param name="name">The name; must be unused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The name is taken.</exception>
    Task<Organization> CreateOrganizationAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Gets an organization by id; null when there is none.</summary>
    /// <param name="organizationId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Finds an organization by name; null when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<Organization?> FindOrganizationAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the organizations by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a user with a new id, no failed attempts and no lock.</summary>
    /// <param name="organizationId">The user's organization.</param>
    /// <param name="name">The login name; must be unused.</param>
    /// <param name="passwordHash">The opaque KDF output.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The name is taken.</exception>
    /// <exception cref="StorageNotFoundException">The organization does not exist.</exception>
    Task<User> CreateUserAsync(Guid organizationId, string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by login name; null when there is none.</summary>
    /// <param name="name">The login name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<User?> FindUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Gets a user by id; null when there is none.</summary>
    /// <param name="userId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Lists the users of an organization by name.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<User>> ListUsersAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's password hash (and clears failed attempts and the lock).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="passwordHash">The new opaque KDF output.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageNotFoundException">The user does not exist.</exception>
    Task SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed sign-in atomically (safe against concurrent attempts): increments the failed attempts and,
    /// when they reach <paramref name="lockThreshold"/>, locks the user until <paramref name="now"/> + <paramref name="lockDuration"/>
    /// and resets the count.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lockThreshold">Failures that trigger a lock (positive).</param>
    /// <param name="lockDuration">How long the lock lasts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user after the update.</returns>
    /// <exception cref="StorageNotFoundException">The user does not exist.</exception>
    Task<User> RecordSignInFailureAsync(Guid userId, DateTimeOffset now, int lockThreshold, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>Records a successful sign-in: clears the failed attempts and the lock.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageNotFoundException">The user does not exist.</exception>
    Task RecordSignInSuccessAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new API token.</summary>
    /// <param name="token">The token; its id and hash must be unused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The id or hash is taken.</exception>
    /// <exception cref="StorageNotFoundException">The organization (or user) does not exist.</exception>
    Task CreateApiTokenAsync(ApiToken token, CancellationToken cancellationToken = default);

    /// <summary>Finds a token by the hash of its secret (revoked and expired tokens included: the caller checks).</summary>
    /// <param name="tokenHash">The hash.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<ApiToken?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Lists the tokens of an organization by creation time.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token (idempotent: a second call keeps the first revocation time).</summary>
    /// <param name="tokenId">The token.</param>
    /// <param name="revokedAt">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the token exists.</returns>
    Task<bool> RevokeApiTokenAsync(Guid tokenId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Sets what an organization may do with a collection, replacing any previous grant; neither read nor write removes it.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageNotFoundException">The collection or organization does not exist.</exception>
    Task SetGrantAsync(CollectionGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Gets an organization's grant on a collection; null means no access.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<CollectionGrant?> GetGrantAsync(Guid collectionId, Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's grants (for the TAXII collections listing).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<CollectionGrant>> ListGrantsAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Lists the grants on a collection.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<CollectionGrant>> ListCollectionGrantsAsync(Guid collectionId, CancellationToken cancellationToken = default);
}
