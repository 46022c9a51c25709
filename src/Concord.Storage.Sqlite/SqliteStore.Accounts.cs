// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Accounts;
using Concord.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <content>Accounts: organizations, users, API tokens and collection grants.</content>
public sealed partial class SqliteStore
{
    private const int ConstraintViolation = 19;
    private const string UserColumns = "SELECT id, org, name, password_hash, locked_until, failed_attempts FROM users";
    private const string TokenColumns = "SELECT id, org, name, token_hash, created_at, user_id, expires_at, revoked_at FROM api_tokens";

    /// <inheritdoc />
    public Task<Organization> CreateOrganizationAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var organization = new Organization(Guid.NewGuid(), name);
        return WriteAsync(
            session =>
            {
                var command = session.Command("INSERT INTO organizations (id, name) VALUES (@id, @name);", "@id", "@name");
                Bind(command, organization.Id, name);
                ExecuteUnique(command, $"An organization named '{name}' already exists.");
                return organization;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read(session => ReadOrganizations(session, "SELECT id, name FROM organizations WHERE id = @p;", organizationId).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<Organization?> FindOrganizationAsync(string name, CancellationToken cancellationToken = default) =>
        Read(session => ReadOrganizations(session, "SELECT id, name FROM organizations WHERE name = @p;", name).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<Organization>>(session => ReadOrganizations(session, "SELECT id, name FROM organizations WHERE @p IS NULL ORDER BY name;", null), cancellationToken);

    /// <inheritdoc />
    public Task<User> CreateUserAsync(Guid organizationId, string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(passwordHash);
        var user = new User(Guid.NewGuid(), organizationId, name, passwordHash);
        return WriteAsync(
            session =>
            {
                RequireOrganization(session, organizationId);
                var command = session.Command(
                    "INSERT INTO users (id, org, name, password_hash, locked_until, failed_attempts) VALUES (@id, @org, @name, @hash, NULL, 0);",
                    "@id", "@org", "@name", "@hash");
                Bind(command, user.Id, organizationId, name, passwordHash);
                ExecuteUnique(command, $"A user named '{name}' already exists.");
                return user;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<User?> FindUserAsync(string name, CancellationToken cancellationToken = default) =>
        Read(session => ReadUsers(session, UserColumns + " WHERE name = @p;", name).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Read(session => ReadUsers(session, UserColumns + " WHERE id = @p;", userId).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<User>> ListUsersAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<User>>(session => ReadUsers(session, UserColumns + " WHERE org = @p ORDER BY name;", organizationId), cancellationToken);

    /// <inheritdoc />
    public Task SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        return WriteAsync(
            session =>
            {
                var command = session.Command("UPDATE users SET password_hash = @hash, failed_attempts = 0, locked_until = NULL WHERE id = @id;", "@hash", "@id");
                Bind(command, passwordHash, userId);
                return RequireUpdated(command.ExecuteNonQuery(), userId);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<User> RecordSignInFailureAsync(Guid userId, DateTimeOffset now, int lockThreshold, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lockThreshold);
        return WriteAsync(
            session =>
            {
                // One statement under the write lock: concurrent failures cannot lose an increment.
                var command = session.Command(
                    """
                    UPDATE users SET
                        locked_until = CASE WHEN failed_attempts + 1 >= @threshold THEN @until ELSE locked_until END,
                        failed_attempts = CASE WHEN failed_attempts + 1 >= @threshold THEN 0 ELSE failed_attempts + 1 END
                    WHERE id = @id;
                    """,
                    "@threshold", "@until", "@id");
                Bind(command, (long)lockThreshold, now + lockDuration, userId);
                RequireUpdated(command.ExecuteNonQuery(), userId);
                return ReadUsers(session, UserColumns + " WHERE id = @p;", userId)[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordSignInSuccessAsync(Guid userId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var command = session.Command("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = @id;", "@id");
                Bind(command, userId);
                return RequireUpdated(command.ExecuteNonQuery(), userId);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task CreateApiTokenAsync(ApiToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return WriteAsync(
            session =>
            {
                RequireOrganization(session, token.OrganizationId);
                if (token.UserId is { } userId && ReadUsers(session, UserColumns + " WHERE id = @p;", userId).Count == 0)
                {
                    throw new StorageNotFoundException($"There is no user {userId}.");
                }

                var command = session.Command(
                    "INSERT INTO api_tokens (id, org, user_id, name, token_hash, created_at, expires_at, revoked_at) VALUES (@id, @org, @user, @name, @hash, @created, @expires, @revoked);",
                    "@id", "@org", "@user", "@name", "@hash", "@created", "@expires", "@revoked");
                Bind(command, token.Id, token.OrganizationId, token.UserId, token.Name, token.TokenHash, token.CreatedAt, token.ExpiresAt, token.RevokedAt);
                ExecuteUnique(command, "A token with this id or hash already exists.");
                return 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiToken?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        Read(session => ReadTokens(session, TokenColumns + " WHERE token_hash = @p;", tokenHash).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ApiToken>>(session => ReadTokens(session, TokenColumns + " WHERE org = @p ORDER BY created_at, id;", organizationId), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeApiTokenAsync(Guid tokenId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var command = session.Command("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id;", "@at", "@id");
                Bind(command, revokedAt, tokenId);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SetGrantAsync(CollectionGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return WriteAsync(
            session =>
            {
                CollectionSeq(session, grant.CollectionId);
                RequireOrganization(session, grant.OrganizationId);
                if (!grant.CanRead && !grant.CanWrite)
                {
                    var delete = session.Command("DELETE FROM grants WHERE collection = @c AND org = @o;", "@c", "@o");
                    Bind(delete, grant.CollectionId, grant.OrganizationId);
                    return delete.ExecuteNonQuery();
                }

                var command = session.Command(
                    "INSERT INTO grants (collection, org, can_read, can_write) VALUES (@c, @o, @r, @w) ON CONFLICT (collection, org) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write;",
                    "@c", "@o", "@r", "@w");
                Bind(command, grant.CollectionId, grant.OrganizationId, grant.CanRead, grant.CanWrite);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<CollectionGrant?> GetGrantAsync(Guid collectionId, Guid organizationId, CancellationToken cancellationToken = default) =>
        Read(
            session =>
            {
                var command = session.Command("SELECT collection, org, can_read, can_write FROM grants WHERE collection = @c AND org = @o;", "@c", "@o");
                Bind(command, collectionId, organizationId);
                return ReadGrants(command).FirstOrDefault();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionGrant>> ListGrantsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<CollectionGrant>>(
            session =>
            {
                var command = session.Command("SELECT g.collection, g.org, g.can_read, g.can_write FROM grants g JOIN collections c ON c.id = g.collection WHERE g.org = @o ORDER BY c.seq;", "@o");
                Bind(command, organizationId);
                return ReadGrants(command);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionGrant>> ListCollectionGrantsAsync(Guid collectionId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<CollectionGrant>>(
            session =>
            {
                var command = session.Command("SELECT collection, org, can_read, can_write FROM grants WHERE collection = @c ORDER BY org;", "@c");
                Bind(command, collectionId);
                return ReadGrants(command);
            },
            cancellationToken);

    private static List<CollectionGrant> ReadGrants(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<CollectionGrant>();
        while (reader.Read())
        {
            list.Add(new CollectionGrant(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetInt64(2) != 0, reader.GetInt64(3) != 0));
        }

        return list;
    }

    private static List<Organization> ReadOrganizations(Session session, string sql, object? key)
    {
        var command = session.Command(sql, "@p");
        Bind(command, key);
        using var reader = command.ExecuteReader();
        var list = new List<Organization>();
        while (reader.Read())
        {
            list.Add(new Organization(Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return list;
    }

    private static List<User> ReadUsers(Session session, string sql, object key)
    {
        var command = session.Command(sql, "@p");
        Bind(command, key);
        using var reader = command.ExecuteReader();
        var list = new List<User>();
        while (reader.Read())
        {
            list.Add(new User(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3))
            {
                LockedUntil = reader.IsDBNull(4) ? null : Instant(reader.GetInt64(4)),
                FailedAttempts = reader.GetInt32(5),
            });
        }

        return list;
    }

    private static List<ApiToken> ReadTokens(Session session, string sql, object key)
    {
        var command = session.Command(sql, "@p");
        Bind(command, key);
        using var reader = command.ExecuteReader();
        var list = new List<ApiToken>();
        while (reader.Read())
        {
            list.Add(new ApiToken(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), Instant(reader.GetInt64(4)))
            {
                UserId = reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                ExpiresAt = reader.IsDBNull(6) ? null : Instant(reader.GetInt64(6)),
                RevokedAt = reader.IsDBNull(7) ? null : Instant(reader.GetInt64(7)),
            });
        }

        return list;
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static void RequireOrganization(Session session, Guid organizationId)
    {
        if (ReadOrganizations(session, "SELECT id, name FROM organizations WHERE id = @p;", organizationId).Count == 0)
        {
            throw new StorageNotFoundException($"There is no organization {organizationId}.");
        }
    }

    private static int RequireUpdated(int rows, Guid userId) =>
        rows == 1 ? rows : throw new StorageNotFoundException($"There is no user {userId}.");

    private static void ExecuteUnique(SqliteCommand command, string conflict)
    {
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == ConstraintViolation)
        {
            throw new StorageConflictException(conflict, e);
        }
    }
}
