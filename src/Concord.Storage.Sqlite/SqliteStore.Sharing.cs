// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Storage.Internal;
using Concord.Storage.Sharing;
using Concord.Storage.Sqlite.Internal;

namespace Concord.Storage.Sqlite;

/// <content>The sharing model: working groups, memberships, agreements and collection ownership by working groups.</content>
public sealed partial class SqliteStore
{
    private const string GroupColumns = "SELECT id, name, description FROM working_groups";

    /// <inheritdoc />
    public Task<WorkingGroup> CreateWorkingGroupAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var group = new WorkingGroup(Guid.NewGuid(), name) { Description = description };
        return WriteAsync(
            session =>
            {
                var command = session.Command("INSERT INTO working_groups (id, name, description) VALUES (@id, @name, @description);", "@id", "@name", "@description");
                Bind(command, group.Id, name, description);
                ExecuteUnique(command, $"A working group named '{name}' already exists.");
                BumpSharingRevision(session);
                return group;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<WorkingGroup?> GetWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default) =>
        ReadSnapshot(session => ReadGroups(session, GroupColumns + " WHERE id = @p;", workingGroupId).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<WorkingGroup?> FindWorkingGroupAsync(string name, CancellationToken cancellationToken = default) =>
        ReadSnapshot(session => ReadGroups(session, GroupColumns + " WHERE name = @p;", name).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkingGroup>> ListWorkingGroupsAsync(CancellationToken cancellationToken = default) =>
        ReadSnapshot<IReadOnlyList<WorkingGroup>>(session => ReadGroups(session, GroupColumns + " WHERE @p IS NULL ORDER BY name;", null), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteWorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var owns = session.Command("SELECT COUNT(*) FROM collection_groups WHERE group_id = @g;", "@g");
                Bind(owns, workingGroupId);
                if ((long)owns.ExecuteScalar()! > 0)
                {
                    throw new StorageConflictException($"Working group {workingGroupId} owns collections; give them another owner first.");
                }

                var party = session.Command(
                    "SELECT COUNT(*) FROM agreement_parties p JOIN agreements a ON a.id = p.agreement WHERE p.kind = @k AND p.party = @g AND a.revoked_at IS NULL;",
                    "@k", "@g");
                Bind(party, (long)SharingPartyKind.WorkingGroup, workingGroupId);
                if ((long)party.ExecuteScalar()! > 0)
                {
                    throw new StorageConflictException($"Working group {workingGroupId} is a party of an agreement in effect; revoke it first.");
                }

                var delete = session.Command("DELETE FROM working_groups WHERE id = @g;", "@g");
                Bind(delete, workingGroupId);
                return Changed(session, delete.ExecuteNonQuery());
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> AddWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                RequireWorkingGroup(session, workingGroupId);
                RequireOrganization(session, organizationId);
                var command = session.Command("INSERT INTO working_group_members (group_id, org) VALUES (@g, @o) ON CONFLICT DO NOTHING;", "@g", "@o");
                Bind(command, workingGroupId, organizationId);
                return Changed(session, command.ExecuteNonQuery());
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveWorkingGroupMemberAsync(Guid workingGroupId, Guid organizationId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var command = session.Command("DELETE FROM working_group_members WHERE group_id = @g AND org = @o;", "@g", "@o");
                Bind(command, workingGroupId, organizationId);
                return Changed(session, command.ExecuteNonQuery());
            },
            cancellationToken);

    /// <inheritdoc />
    public Task CreateAgreementAsync(Agreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentException.ThrowIfNullOrEmpty(agreement.Name);
        var body = JsonSerializer.Serialize(agreement, SharingJson.Default.Agreement);
        return WriteAsync(
            session =>
            {
                foreach (var referenced in agreement.Provider is { } provider ? agreement.Parties.Append(provider) : agreement.Parties)
                {
                    RequireParty(session, referenced);
                }

                var command = session.Command("INSERT INTO agreements (id, name, revoked_at, body) VALUES (@id, @name, @revoked, @body);", "@id", "@name", "@revoked", "@body");
                Bind(command, agreement.Id, agreement.Name, agreement.RevokedAt, body);
                ExecuteUnique(command, $"An agreement with id {agreement.Id} or named '{agreement.Name}' already exists.");
                var party = session.Command("INSERT INTO agreement_parties (agreement, kind, party) VALUES (@a, @k, @p) ON CONFLICT DO NOTHING;", "@a", "@k", "@p");
                foreach (var each in agreement.Parties)
                {
                    Bind(party, agreement.Id, (long)each.Kind, each.Id);
                    party.ExecuteNonQuery();
                }

                BumpSharingRevision(session);
                return 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Agreement?> GetAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default) =>
        Read(session => ReadAgreements(session, "SELECT body, revoked_at FROM agreements WHERE id = @p;", agreementId).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<Agreement?> FindAgreementAsync(string name, CancellationToken cancellationToken = default) =>
        Read(session => ReadAgreements(session, "SELECT body, revoked_at FROM agreements WHERE name = @p;", name).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Agreement>> ListAgreementsAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<Agreement>>(session => ReadAgreements(session, "SELECT body, revoked_at FROM agreements WHERE @p IS NULL ORDER BY name;", null), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeAgreementAsync(Guid agreementId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var command = session.Command("UPDATE agreements SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id;", "@at", "@id");
                Bind(command, revokedAt, agreementId);
                return Changed(session, command.ExecuteNonQuery());
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SetCollectionWorkingGroupAsync(Guid collectionId, Guid? workingGroupId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            session =>
            {
                var owner = session.Command("SELECT owner_org FROM collections WHERE id = @c;", "@c");
                Bind(owner, collectionId);
                var organization = owner.ExecuteScalar() ?? throw new StorageNotFoundException($"There is no collection {collectionId}.");
                if (organization is string ownerOrganization)
                {
                    throw new StorageConflictException($"Collection {collectionId} is owned by organization {ownerOrganization}; a collection has one owner.");
                }

                if (workingGroupId is not { } group)
                {
                    var delete = session.Command("DELETE FROM collection_groups WHERE collection = @c;", "@c");
                    Bind(delete, collectionId);
                    return Changed(session, delete.ExecuteNonQuery());
                }

                RequireWorkingGroup(session, group);
                var command = session.Command(
                    "INSERT INTO collection_groups (collection, group_id) VALUES (@c, @g) ON CONFLICT (collection) DO UPDATE SET group_id = excluded.group_id;",
                    "@c", "@g");
                Bind(command, collectionId, group);
                return Changed(session, command.ExecuteNonQuery());
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<SharingModel> GetSharingModelAsync(CancellationToken cancellationToken = default) =>
        ReadSnapshot(
            session =>
            {
                var revision = ReadSharingRevision(session);
                var groups = ReadGroups(session, GroupColumns + " WHERE @p IS NULL ORDER BY name;", null);
                var agreements = ReadAgreements(session, "SELECT body, revoked_at FROM agreements WHERE @p IS NULL ORDER BY name;", null);
                var owners = new Dictionary<Guid, Guid>();
                using (var reader = session.Command("SELECT collection, group_id FROM collection_groups;").ExecuteReader())
                {
                    while (reader.Read())
                    {
                        owners.Add(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)));
                    }
                }

                return new SharingModel(revision, groups, agreements, owners);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<long> GetSharingRevisionAsync(CancellationToken cancellationToken = default) =>
        Read(ReadSharingRevision, cancellationToken);

    private static long ReadSharingRevision(Session session) =>
        (long)session.Command("SELECT value FROM meta WHERE key = 'sharing_revision';").ExecuteScalar()!;

    private static void BumpSharingRevision(Session session) =>
        session.Command("UPDATE meta SET value = value + 1 WHERE key = 'sharing_revision';").ExecuteNonQuery();

    /// <summary>Bumps the revision when a statement changed rows, and says whether it did.</summary>
    private static bool Changed(Session session, int rows)
    {
        if (rows > 0)
        {
            BumpSharingRevision(session);
        }

        return rows > 0;
    }

    private static List<WorkingGroup> ReadGroups(Session session, string sql, object? key)
    {
        var command = session.Command(sql, "@p");
        Bind(command, key);
        var groups = new List<WorkingGroup>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                groups.Add(new WorkingGroup(Guid.Parse(reader.GetString(0)), reader.GetString(1)) { Description = reader.IsDBNull(2) ? null : reader.GetString(2) });
            }
        }

        var members = session.Command("SELECT org FROM working_group_members WHERE group_id = @g ORDER BY org;", "@g");
        for (var i = 0; i < groups.Count; i++)
        {
            Bind(members, groups[i].Id);
            var list = new List<Guid>();
            using (var reader = members.ExecuteReader())
            {
                while (reader.Read())
                {
                    list.Add(Guid.Parse(reader.GetString(0)));
                }
            }

            list.Sort();
            groups[i] = groups[i] with { Members = list };
        }

        return groups;
    }

    private static List<Agreement> ReadAgreements(Session session, string sql, object? key)
    {
        var command = session.Command(sql, "@p");
        Bind(command, key);
        using var reader = command.ExecuteReader();
        var list = new List<Agreement>();
        while (reader.Read())
        {
            var agreement = JsonSerializer.Deserialize(reader.GetString(0), SharingJson.Default.Agreement)!;
            list.Add(agreement with { RevokedAt = reader.IsDBNull(1) ? null : Instant(reader.GetInt64(1)) });
        }

        return list;
    }

    private static void RequireWorkingGroup(Session session, Guid workingGroupId)
    {
        var command = session.Command("SELECT COUNT(*) FROM working_groups WHERE id = @p;", "@p");
        Bind(command, workingGroupId);
        if ((long)command.ExecuteScalar()! == 0)
        {
            throw new StorageNotFoundException($"There is no working group {workingGroupId}.");
        }
    }

    private static void RequireParty(Session session, SharingParty party)
    {
        if (party.Kind == SharingPartyKind.WorkingGroup)
        {
            RequireWorkingGroup(session, party.Id);
        }
        else
        {
            RequireOrganization(session, party.Id);
        }
    }
}
