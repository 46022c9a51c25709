// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Data;
using System.Text.Json;
using Concord.Storage.Internal;
using Concord.Storage.Sharing;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <content>The sharing model: working groups, memberships, agreements and collection ownership by working groups.</content>
public sealed partial class PostgresStore
{
    private const string GroupColumns = "SELECT g.id, g.name, g.description, ARRAY(SELECT m.org FROM working_group_members m WHERE m.group_id = g.id ORDER BY m.org) FROM working_groups g";
    private const string AgreementColumns = "SELECT body::text, revoked_at FROM agreements";

    /// <inheritdoc />
    public Task<WorkingGroup> CreateWorkingGroupAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var group = new WorkingGroup(Guid.NewGuid(), name) { Description = description };
        return SharingWriteAsync(
            async (connection, ct) =>
            {
                await using var command = Command(connection, "INSERT INTO working_groups (id, name, description) VALUES ($1, $2, $3);", group.Id, name, description);
                await ExecuteUniqueAsync(command, $"A working group named '{name}' already exists.", ct).ConfigureAwait(false);
                return (group, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<WorkingGroup?> GetWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default) =>
        FirstAsync(GroupColumns + " WHERE g.id = $1;", workingGroupId, ReadGroup, cancellationToken);

    /// <inheritdoc />
    public Task<WorkingGroup?> FindWorkingGroupAsync(string name, CancellationToken cancellationToken = default) =>
        FirstAsync(GroupColumns + " WHERE g.name = $1;", name, ReadGroup, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkingGroup>> ListWorkingGroupsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(GroupColumns + " ORDER BY g.name;", null, ReadGroup, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default) =>
        SharingWriteAsync(
            async (connection, ct) =>
            {
                if (await ScalarAsync(connection, "SELECT count(*) FROM collection_groups WHERE group_id = $1;", ct, workingGroupId).ConfigureAwait(false) is > 0L)
                {
                    throw new StorageConflictException($"Working group {workingGroupId} owns collections; give them another owner first.");
                }

                if (await ScalarAsync(
                    connection,
                    "SELECT count(*) FROM agreement_parties p JOIN agreements a ON a.id = p.agreement WHERE p.kind = $1 AND p.party = $2 AND a.revoked_at IS NULL;",
                    ct,
                    (short)SharingPartyKind.WorkingGroup,
                    workingGroupId).ConfigureAwait(false) is > 0L)
                {
                    throw new StorageConflictException($"Working group {workingGroupId} is a party of an agreement in effect; revoke it first.");
                }

                var deleted = await ChangeAsync(connection, "DELETE FROM working_groups WHERE id = $1;", ct, workingGroupId).ConfigureAwait(false);
                return (deleted, deleted);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> AddWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default) =>
        SharingWriteAsync(
            async (connection, ct) =>
            {
                await RequirePartyAsync(connection, SharingParty.WorkingGroup(workingGroupId), ct).ConfigureAwait(false);
                await RequirePartyAsync(connection, SharingParty.Organization(organizationId), ct).ConfigureAwait(false);
                var added = await ChangeAsync(connection, "INSERT INTO working_group_members (group_id, org) VALUES ($1, $2) ON CONFLICT DO NOTHING;", ct, workingGroupId, organizationId).ConfigureAwait(false);
                return (added, added);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default) =>
        SharingWriteAsync(
            async (connection, ct) =>
            {
                var removed = await ChangeAsync(connection, "DELETE FROM working_group_members WHERE group_id = $1 AND org = $2;", ct, workingGroupId, organizationId).ConfigureAwait(false);
                return (removed, removed);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task CreateAgreementAsync(Agreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentException.ThrowIfNullOrEmpty(agreement.Name);
        var body = JsonSerializer.Serialize(agreement, SharingJson.Default.Agreement);
        var parties = agreement.Parties.Distinct().ToArray();
        return SharingWriteAsync(
            async (connection, ct) =>
            {
                foreach (var referenced in agreement.Provider is { } provider ? parties.Append(provider) : parties)
                {
                    await RequirePartyAsync(connection, referenced, ct).ConfigureAwait(false);
                }

                await using (var insert = Command(connection, "INSERT INTO agreements (id, name, revoked_at, body) VALUES ($1, $2, $3, $4);", agreement.Id, agreement.Name, agreement.RevokedAt?.UtcTicks, body))
                {
                    insert.Parameters[3].NpgsqlDbType = NpgsqlDbType.Jsonb;
                    await ExecuteUniqueAsync(insert, $"An agreement with id {agreement.Id} or named '{agreement.Name}' already exists.", ct).ConfigureAwait(false);
                }

                await ChangeAsync(
                    connection,
                    "INSERT INTO agreement_parties (agreement, kind, party) SELECT $1, k, p FROM unnest($2::smallint[], $3::uuid[]) AS x (k, p);",
                    ct,
                    agreement.Id,
                    parties.Select(p => (short)p.Kind).ToArray(),
                    parties.Select(p => p.Id).ToArray()).ConfigureAwait(false);
                return (0, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Agreement?> GetAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default) =>
        FirstAsync(AgreementColumns + " WHERE id = $1;", agreementId, ReadAgreement, cancellationToken);

    /// <inheritdoc />
    public Task<Agreement?> FindAgreementAsync(string name, CancellationToken cancellationToken = default) =>
        FirstAsync(AgreementColumns + " WHERE name = $1;", name, ReadAgreement, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Agreement>> ListAgreementsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(AgreementColumns + " ORDER BY name;", null, ReadAgreement, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeAgreementAsync(Guid agreementId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        SharingWriteAsync(
            async (connection, ct) =>
            {
                // Revoking again matches the row but keeps the first time; the revision counts it as a write all the same, as on SQLite.
                var found = await ChangeAsync(connection, "UPDATE agreements SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1;", ct, agreementId, revokedAt.UtcTicks).ConfigureAwait(false);
                return (found, found);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SetCollectionWorkingGroupAsync(Guid collectionId, Guid? workingGroupId, CancellationToken cancellationToken = default) =>
        SharingWriteAsync(
            async (connection, ct) =>
            {
                var owner = await ScalarAsync(connection, "SELECT COALESCE(owner_org::text, '') FROM collections WHERE id = $1;", ct, collectionId).ConfigureAwait(false)
                    ?? throw new StorageNotFoundException($"There is no collection {collectionId}.");
                if (owner is string { Length: > 0 } organization)
                {
                    throw new StorageConflictException($"Collection {collectionId} is owned by organization {organization}; a collection has one owner.");
                }

                if (workingGroupId is not { } group)
                {
                    var removed = await ChangeAsync(connection, "DELETE FROM collection_groups WHERE collection = $1;", ct, collectionId).ConfigureAwait(false);
                    return (0, removed);
                }

                await RequirePartyAsync(connection, SharingParty.WorkingGroup(group), ct).ConfigureAwait(false);
                var set = await ChangeAsync(
                    connection,
                    "INSERT INTO collection_groups (collection, group_id) VALUES ($1, $2) ON CONFLICT (collection) DO UPDATE SET group_id = excluded.group_id;",
                    ct,
                    collectionId,
                    group).ConfigureAwait(false);
                return (0, set);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<SharingModel> GetSharingModelAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, ct) =>
            {
                var revision = (long)(await ScalarAsync(connection, "SELECT revision FROM sharing_revision;", ct).ConfigureAwait(false))!;
                var groups = await ReadAllAsync(connection, GroupColumns + " ORDER BY g.name;", ReadGroup, ct).ConfigureAwait(false);
                var agreements = await ReadAllAsync(connection, AgreementColumns + " ORDER BY name;", ReadAgreement, ct).ConfigureAwait(false);
                var owners = new Dictionary<Guid, Guid>();
                foreach (var (collection, group) in await ReadAllAsync(connection, "SELECT collection, group_id FROM collection_groups;", r => (r.GetGuid(0), r.GetGuid(1)), ct).ConfigureAwait(false))
                {
                    owners.Add(collection, group);
                }

                return new SharingModel(revision, groups, agreements, owners);
            },
            transaction: true,
            cancellationToken,
            IsolationLevel.RepeatableRead);

    /// <inheritdoc />
    public Task<long> GetSharingRevisionAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async (connection, ct) => (long)(await ScalarAsync(connection, "SELECT revision FROM sharing_revision;", ct).ConfigureAwait(false))!, transaction: false, cancellationToken);

    private static WorkingGroup ReadGroup(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1)) { Description = reader.IsDBNull(2) ? null : reader.GetString(2), Members = reader.GetFieldValue<Guid[]>(3) };

    private static Agreement ReadAgreement(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(0), SharingJson.Default.Agreement)! with { RevokedAt = reader.IsDBNull(1) ? null : Instant(reader.GetInt64(1)) };

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>Runs a statement and says whether it changed (or matched) a row.</summary>
    private static async Task<bool> ChangeAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task RequirePartyAsync(NpgsqlConnection connection, SharingParty party, CancellationToken cancellationToken)
    {
        var (table, what) = party.Kind == SharingPartyKind.WorkingGroup ? ("working_groups", "working group") : ("organizations", "organization");
        if (await ScalarAsync(connection, $"SELECT id FROM {table} WHERE id = $1;", cancellationToken, party.Id).ConfigureAwait(false) is null)
        {
            throw new StorageNotFoundException($"There is no {what} {party.Id}.");
        }
    }

    /// <summary>
    /// Runs a write to the sharing model in a transaction that first locks the revision row (so sharing writes are serialized)
    /// and bumps the revision when <paramref name="work"/> says the model changed.
    /// </summary>
    private Task<T> SharingWriteAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<(T Result, bool Changed)>> work, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, ct) =>
            {
                await ScalarAsync(connection, "SELECT revision FROM sharing_revision FOR UPDATE;", ct).ConfigureAwait(false);
                var (result, changed) = await work(connection, ct).ConfigureAwait(false);
                if (changed)
                {
                    await ChangeAsync(connection, "UPDATE sharing_revision SET revision = revision + 1;", ct).ConfigureAwait(false);
                }

                return result;
            },
            transaction: true,
            cancellationToken);
}
