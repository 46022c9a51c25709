// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Accounts;
using Npgsql;

namespace Concord.Storage.Postgres;

/// <content>Accounts: organizations, users, API tokens and collection grants.</content>
public sealed partial class PostgresStore
{
    private const string UserColumns = "SELECT id, org, name, password_hash, locked_until, failed_attempts FROM users";
    private const string TokenColumns = "SELECT id, org, name, token_hash, created_at, user_id, expires_at, revoked_at FROM api_tokens";
    private const string Returning = " RETURNING id, org, name, password_hash, locked_until, failed_attempts;";
    private const string GrantColumns = "SELECT g.collection, g.org, g.can_read, g.can_write FROM grants g";

    /// <inheritdoc />
    public Task<Organization> CreateOrganizationAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var organization = new Organization(Guid.NewGuid(), name);
        return RunAsync(
            async (connection, ct) =>
            {
                await using var command = Command(connection, "INSERT INTO organizations (id, name) VALUES ($1, $2);", organization.Id, name);
                await ExecuteUniqueAsync(command, $"An organization named '{name}' already exists.", ct).ConfigureAwait(false);
                return organization;
            },
            transaction: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        FirstAsync("SELECT id, name FROM organizations WHERE id = $1;", organizationId, ReadOrganization, cancellationToken);

    /// <inheritdoc />
    public Task<Organization?> FindOrganizationAsync(string name, CancellationToken cancellationToken = default) =>
        FirstAsync("SELECT id, name FROM organizations WHERE name = $1;", name, ReadOrganization, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        ListAsync("SELECT id, name FROM organizations ORDER BY name;", null, ReadOrganization, cancellationToken);

    /// <inheritdoc />
    public Task<User> CreateUserAsync(Guid organizationId, string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(passwordHash);
        var user = new User(Guid.NewGuid(), organizationId, name, passwordHash);
        return RunAsync(
            async (connection, ct) =>
            {
                await using var command = Command(
                    connection,
                    "INSERT INTO users (id, org, name, password_hash, locked_until, failed_attempts) VALUES ($1, $2, $3, $4, NULL, 0);",
                    user.Id, organizationId, name, passwordHash);
                await ExecuteReferencingAsync(command, $"A user named '{name}' already exists.", ct).ConfigureAwait(false);
                return user;
            },
            transaction: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<User?> FindUserAsync(string name, CancellationToken cancellationToken = default) =>
        FirstAsync(UserColumns + " WHERE name = $1;", name, ReadUser, cancellationToken);

    /// <inheritdoc />
    public Task<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        FirstAsync(UserColumns + " WHERE id = $1;", userId, ReadUser, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<User>> ListUsersAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ListAsync(UserColumns + " WHERE org = $1 ORDER BY name;", organizationId, ReadUser, cancellationToken);

    /// <inheritdoc />
    public Task SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        return UpdateUserAsync("UPDATE users SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE id = $1" + Returning, userId, [passwordHash], cancellationToken);
    }

    /// <inheritdoc />
    public Task<User> RecordSignInFailureAsync(Guid userId, DateTimeOffset now, int lockThreshold, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lockThreshold);

        // One statement: the row lock of the update makes concurrent failures count one after the other.
        return UpdateUserAsync(
            """
            UPDATE users SET
                locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END,
                failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END
            WHERE id = $1
            """ + Returning,
            userId,
            [lockThreshold, (now + lockDuration).UtcTicks],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordSignInSuccessAsync(Guid userId, CancellationToken cancellationToken = default) =>
        UpdateUserAsync("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1" + Returning, userId, [], cancellationToken);

    /// <inheritdoc />
    public Task CreateApiTokenAsync(ApiToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return RunAsync(
            async (connection, ct) =>
            {
                await using var command = Command(
                    connection,
                    "INSERT INTO api_tokens (id, org, user_id, name, token_hash, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);",
                    token.Id, token.OrganizationId, token.UserId, token.Name, token.TokenHash, token.CreatedAt.UtcTicks, token.ExpiresAt?.UtcTicks, token.RevokedAt?.UtcTicks);
                return await ExecuteReferencingAsync(command, "A token with this id or hash already exists.", ct).ConfigureAwait(false);
            },
            transaction: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiToken?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        FirstAsync(TokenColumns + " WHERE token_hash = $1;", tokenHash, ReadToken, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ListAsync(TokenColumns + " WHERE org = $1 ORDER BY created_at, id;", organizationId, ReadToken, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeApiTokenAsync(Guid tokenId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, ct) =>
            {
                await using var command = Command(connection, "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1;", tokenId, revokedAt.UtcTicks);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            transaction: false,
            cancellationToken);

    /// <inheritdoc />
    public Task SetGrantAsync(CollectionGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return RunAsync(
            async (connection, ct) =>
            {
                // Checked first, so that removing a grant names a missing collection or organization too.
                if (await ScalarAsync(connection, "SELECT id FROM collections WHERE id = $1;", ct, grant.CollectionId).ConfigureAwait(false) is null)
                {
                    throw new StorageNotFoundException($"There is no collection {grant.CollectionId}.");
                }

                if (await ScalarAsync(connection, "SELECT id FROM organizations WHERE id = $1;", ct, grant.OrganizationId).ConfigureAwait(false) is null)
                {
                    throw new StorageNotFoundException($"There is no organization {grant.OrganizationId}.");
                }

                await using var command = grant.CanRead || grant.CanWrite
                    ? Command(
                        connection,
                        "INSERT INTO grants (collection, org, can_read, can_write) VALUES ($1, $2, $3, $4) ON CONFLICT (collection, org) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write;",
                        grant.CollectionId, grant.OrganizationId, grant.CanRead, grant.CanWrite)
                    : Command(connection, "DELETE FROM grants WHERE collection = $1 AND org = $2;", grant.CollectionId, grant.OrganizationId);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            transaction: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CollectionGrant?> GetGrantAsync(Guid collectionId, Guid organizationId, CancellationToken cancellationToken = default) =>
        Single(await ListAsync(GrantColumns + " WHERE g.collection = $1 AND g.org = $2;", new object[] { collectionId, organizationId }, ReadGrant, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionGrant>> ListGrantsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ListAsync(GrantColumns + " JOIN collections c ON c.id = g.collection WHERE g.org = $1 ORDER BY c.seq;", organizationId, ReadGrant, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionGrant>> ListCollectionGrantsAsync(Guid collectionId, CancellationToken cancellationToken = default) =>
        ListAsync(GrantColumns + " WHERE g.collection = $1 ORDER BY g.org;", collectionId, ReadGrant, cancellationToken);

    private static Organization ReadOrganization(NpgsqlDataReader reader) => new(reader.GetGuid(0), reader.GetString(1));

    private static User ReadUser(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3))
        {
            LockedUntil = reader.IsDBNull(4) ? null : Instant(reader.GetInt64(4)),
            FailedAttempts = reader.GetInt32(5),
        };

    private static ApiToken ReadToken(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Instant(reader.GetInt64(4)))
        {
            UserId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
            ExpiresAt = reader.IsDBNull(6) ? null : Instant(reader.GetInt64(6)),
            RevokedAt = reader.IsDBNull(7) ? null : Instant(reader.GetInt64(7)),
        };

    private static CollectionGrant ReadGrant(NpgsqlDataReader reader) => new(reader.GetGuid(0), reader.GetGuid(1), reader.GetBoolean(2), reader.GetBoolean(3));

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    /// <summary>Runs an insert or update whose foreign keys name an organization, user or collection; a missing one is <see cref="StorageNotFoundException"/>.</summary>
    private static async Task<int> ExecuteReferencingAsync(NpgsqlCommand command, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteUniqueAsync(command, conflict, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            var (what, position) = e.ConstraintName == "fk_api_tokens_user" ? ("user", 2) : ("organization", 1);
            throw new StorageNotFoundException($"There is no {what} {command.Parameters[position].Value}.", e);
        }
    }

    private static T? Single<T>(IReadOnlyList<T> list)
        where T : class => list.Count == 0 ? null : list[0];

    private async Task<User> UpdateUserAsync(string sql, Guid userId, object?[] values, CancellationToken cancellationToken) =>
        Single(await ListAsync(sql, new object?[] { userId }.Concat(values).ToArray(), ReadUser, cancellationToken, transaction: true).ConfigureAwait(false))
            ?? throw new StorageNotFoundException($"There is no user {userId}.");

    private async Task<T?> FirstAsync<T>(string sql, object key, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        Single(await ListAsync(sql, key, read, cancellationToken).ConfigureAwait(false));

    private Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? key, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, bool transaction = false) =>
        RunAsync<IReadOnlyList<T>>(
            async (connection, ct) =>
            {
                await using var command = Command(connection, sql, key is object?[] values ? values : key is null ? [] : [key]);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var list = new List<T>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    list.Add(read(reader));
                }

                return list;
            },
            transaction,
            cancellationToken);
}
