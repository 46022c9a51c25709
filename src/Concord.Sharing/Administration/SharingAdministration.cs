// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Sharing.PersonalData;
using Concord.Stix.Model.Meta;
using Concord.Storage;
using Concord.Storage.Sharing;

namespace Concord.Sharing.Administration;

/// <summary>
/// The administration of the sharing model behind <c>concord group</c>, <c>concord agreement</c> and the HTTP admin API:
/// names are resolved, rules checked (<see cref="AgreementRules"/>), and every change is recorded in the audit log as a
/// <see cref="AuditEntryKind.PolicyChange"/> before the call returns.
/// </summary>
/// <remarks>Thread-safe. Refusals throw <see cref="SharingException"/> with a message naming the field or thing.</remarks>
public sealed class SharingAdministration
{
    /// <summary>The audit channel of the HTTP admin API.</summary>
    public const string AdminApiChannel = "admin-api";

    private readonly IConcordStore store;
    private readonly IAuditLog audit;
    private readonly TimeProvider time;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The node's store.</param>
    /// <param name="audit">The node's audit log.</param>
    /// <param name="time">The clock.</param>
    public SharingAdministration(IConcordStore store, IAuditLog audit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.audit = audit;
        this.time = time;
    }

    /// <summary>Creates a working group.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="description">Its description, or null.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel (<see cref="AuditChannels.Cli"/> or <see cref="AdminApiChannel"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<WorkingGroupView> AddGroupAsync(string? name, string? description, AuditActor actor, string channel, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SharingException(SharingErrorKind.Invalid, "name: a working group has a name.");
        }

        WorkingGroup group;
        try
        {
            group = await store.CreateWorkingGroupAsync(name, description, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            throw new SharingException(SharingErrorKind.Conflict, $"name: a working group named '{name}' exists.");
        }

        await RecordAsync(actor, channel, null, $"working group '{name}' created", new JsonObject { ["change"] = "group-add", ["group"] = Ref(group.Id, name) }, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(group, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the working groups with their members and collections.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<WorkingGroupView>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<WorkingGroupView>();
        foreach (var group in await store.ListWorkingGroupsAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(group, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>Deletes a working group that owns no collection and is party to no agreement in effect.</summary>
    /// <param name="group">Its name or id.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RemoveGroupAsync(string group, AuditActor actor, string channel, CancellationToken cancellationToken = default)
    {
        var found = await GroupAsync(group, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.DeleteWorkingGroupAsync(found.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException e)
        {
            throw new SharingException(SharingErrorKind.Conflict, $"working group '{found.Name}': {e.Message}");
        }

        await RecordAsync(actor, channel, null, $"working group '{found.Name}' deleted", new JsonObject { ["change"] = "group-remove", ["group"] = Ref(found.Id, found.Name) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes an organization a member of a working group (nothing changes, and nothing is recorded, when it already is).</summary>
    /// <param name="group">The group's name or id.</param>
    /// <param name="organization">The organization's name or id.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was added.</returns>
    public Task<bool> AddMemberAsync(string group, string organization, AuditActor actor, string channel, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(group, organization, true, actor, channel, cancellationToken);

    /// <summary>Removes an organization from a working group.</summary>
    /// <param name="group">The group's name or id.</param>
    /// <param name="organization">The organization's name or id.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was a member.</returns>
    public Task<bool> RemoveMemberAsync(string group, string organization, AuditActor actor, string channel, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(group, organization, false, actor, channel, cancellationToken);

    /// <summary>Makes a working group the owner of a collection that no organization owns.</summary>
    /// <param name="group">The group's name or id.</param>
    /// <param name="collectionId">The collection.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task SetCollectionOwnerAsync(string group, Guid collectionId, AuditActor actor, string channel, CancellationToken cancellationToken = default)
    {
        var found = await GroupAsync(group, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.SetCollectionWorkingGroupAsync(collectionId, found.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageNotFoundException)
        {
            throw new SharingException(SharingErrorKind.NotFound, $"collection: there is no collection {collectionId:D}.");
        }
        catch (StorageConflictException e)
        {
            throw new SharingException(SharingErrorKind.Conflict, "collection: " + e.Message);
        }

        await RecordAsync(actor, channel, null, $"collection {collectionId:D} now owned by working group '{found.Name}'", new JsonObject
        {
            ["change"] = "collection-owner",
            ["collection"] = collectionId.ToString("D"),
            ["group"] = Ref(found.Id, found.Name),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks and records a new agreement.</summary>
    /// <param name="request">The agreement as written by the administrator.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="SharingException">A field is invalid (all problems are listed), a party does not exist, or the name is taken.</exception>
    public async Task<AgreementView> AddAgreementAsync(AgreementRequest request, AuditActor actor, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A deserialized request leaves the lists it does not mention null, whatever the property initializers say.
        request = request with
        {
            Parties = request.Parties ?? [],
            Tlp = request.Tlp ?? [],
            Types = request.Types ?? [],
            ExcludeTypes = request.ExcludeTypes ?? [],
            PersonalData = request.PersonalData ?? new Dictionary<string, string>(),
        };
        var problems = new List<string>();
        var parties = new List<SharingParty>();
        foreach (var party in request.Parties)
        {
            parties.Add(await PartyAsync(party, "parties", cancellationToken).ConfigureAwait(false));
        }

        SharingParty? provider = request.Provider is { } named ? await PartyAsync(named, "provider", cancellationToken).ConfigureAwait(false) : null;
        var direction = request.Direction switch
        {
            null or "mutual" => AgreementDirection.Mutual,
            "one-way" => AgreementDirection.OneWay,
            var other => Problem(problems, $"direction: '{other}' is not 'mutual' or 'one-way'.", AgreementDirection.Mutual),
        };
        var levels = new List<TlpLevel>();
        foreach (var name in request.Tlp)
        {
            if (TlpLevelNames.TryParse(name, out var level))
            {
                levels.Add(level.Value);
            }
            else
            {
                problems.Add($"tlp: '{name}' is not one of {string.Join(", ", TlpLevelNames.All)} (or white).");
            }
        }

        var personal = new List<PersonalDataPermission>();
        foreach (var (name, basis) in request.PersonalData)
        {
            if (PersonalDataCategories.TryParse(name, out var category))
            {
                personal.Add(new PersonalDataPermission(category.Value, basis));
            }
            else
            {
                problems.Add($"personal_data: '{name}' is not one of {string.Join(", ", PersonalDataCategories.All)}.");
            }
        }

        if (request.RetentionDays is <= 0)
        {
            problems.Add("retention_days: a retention period is a positive number of days.");
        }

        var now = time.GetUtcNow();
        var agreement = new Agreement(Guid.NewGuid(), request.Name ?? string.Empty)
        {
            Description = request.Description,
            Parties = parties.Distinct().ToArray(),
            Direction = direction,
            Provider = provider,
            TlpLevels = levels.Distinct().Order().ToArray(),
            AllowedTypes = request.Types.Distinct(StringComparer.Ordinal).ToArray(),
            ExcludedTypes = request.ExcludeTypes.Distinct(StringComparer.Ordinal).ToArray(),
            PersonalData = personal,
            Retention = request.RetentionDays is > 0 and var days ? TimeSpan.FromDays(days) : null,
            ValidFrom = request.ValidFrom ?? now,
            ValidUntil = request.ValidUntil,
            CreatedAt = now,
        };
        problems.AddRange(AgreementRules.Check(agreement).Where(problem => !problems.Contains(problem)));
        if (problems.Count > 0)
        {
            throw new SharingException(SharingErrorKind.Invalid, string.Join(" ", problems));
        }

        try
        {
            await store.CreateAgreementAsync(agreement, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            throw new SharingException(SharingErrorKind.Conflict, $"name: an agreement named '{agreement.Name}' exists.");
        }

        var view = await ViewAsync(agreement, cancellationToken).ConfigureAwait(false);
        await RecordAsync(actor, channel, null, $"agreement '{agreement.Name}' recorded", new JsonObject
        {
            ["change"] = "agreement-add",
            ["agreement"] = System.Text.Json.JsonSerializer.SerializeToNode(view, SharingJsonContext.Default.AgreementView),
        }, cancellationToken).ConfigureAwait(false);
        return view;
    }

    /// <summary>Lists every agreement, revoked and expired ones included.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<AgreementView>> ListAgreementsAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<AgreementView>();
        foreach (var agreement in await store.ListAgreementsAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(agreement, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>Shows one agreement.</summary>
    /// <param name="agreement">Its name or id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<AgreementView> GetAgreementAsync(string agreement, CancellationToken cancellationToken = default) =>
        await ViewAsync(await AgreementAsync(agreement, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Revokes an agreement now (a revoked agreement stays listed).</summary>
    /// <param name="agreement">Its name or id.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">Through which channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<AgreementView> RevokeAgreementAsync(string agreement, AuditActor actor, string channel, CancellationToken cancellationToken = default)
    {
        var found = await AgreementAsync(agreement, cancellationToken).ConfigureAwait(false);
        if (found.RevokedAt is null)
        {
            await store.RevokeAgreementAsync(found.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await RecordAsync(actor, channel, null, $"agreement '{found.Name}' revoked", new JsonObject { ["change"] = "agreement-revoke", ["agreement"] = Ref(found.Id, found.Name) }, cancellationToken).ConfigureAwait(false);
        }

        return await GetAgreementAsync(found.Id.ToString("D"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ChangeMemberAsync(string group, string organization, bool add, AuditActor actor, string channel, CancellationToken cancellationToken)
    {
        var found = await GroupAsync(group, cancellationToken).ConfigureAwait(false);
        var member = await OrganizationAsync(organization, "organization", cancellationToken).ConfigureAwait(false);
        var changed = add
            ? await store.AddWorkingGroupMemberAsync(found.Id, member.Id, cancellationToken).ConfigureAwait(false)
            : await store.RemoveWorkingGroupMemberAsync(found.Id, member.Id, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            await RecordAsync(actor, channel, new AuditOrganization(member.Id, member.Name), $"organization '{member.Name}' {(add ? "joined" : "left")} working group '{found.Name}'", new JsonObject
            {
                ["change"] = add ? "member-add" : "member-remove",
                ["group"] = Ref(found.Id, found.Name),
            }, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    private Task<AuditEntry> RecordAsync(AuditActor actor, string channel, AuditOrganization? organization, string reason, JsonObject details, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(AuditEntryKind.PolicyChange) { Actor = actor, Channel = channel, Organization = organization, Reason = reason, Details = details }, cancellationToken);

    private static JsonObject Ref(Guid id, string name) => new() { ["id"] = id.ToString("D"), ["name"] = name };

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }

    private async Task<WorkingGroup> GroupAsync(string nameOrId, CancellationToken cancellationToken) =>
        (Guid.TryParse(nameOrId, out var id) ? await store.GetWorkingGroupAsync(id, cancellationToken).ConfigureAwait(false) : null)
        ?? await store.FindWorkingGroupAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new SharingException(SharingErrorKind.NotFound, $"group: there is no working group '{nameOrId}'.");

    private async Task<Storage.Accounts.Organization> OrganizationAsync(string nameOrId, string field, CancellationToken cancellationToken) =>
        (Guid.TryParse(nameOrId, out var id) ? await store.GetOrganizationAsync(id, cancellationToken).ConfigureAwait(false) : null)
        ?? await store.FindOrganizationAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new SharingException(SharingErrorKind.NotFound, $"{field}: there is no organization '{nameOrId}'.");

    private async Task<Agreement> AgreementAsync(string nameOrId, CancellationToken cancellationToken) =>
        (Guid.TryParse(nameOrId, out var id) ? await store.GetAgreementAsync(id, cancellationToken).ConfigureAwait(false) : null)
        ?? await store.FindAgreementAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new SharingException(SharingErrorKind.NotFound, $"agreement: there is no agreement '{nameOrId}'.");

    private async Task<SharingParty> PartyAsync(string text, string field, CancellationToken cancellationToken)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (string.Empty, text) : (text[..colon], text[(colon + 1)..]);
        return kind switch
        {
            "org" or "organization" => SharingParty.Organization((await OrganizationAsync(name, field, cancellationToken).ConfigureAwait(false)).Id),
            "group" or "working-group" => SharingParty.WorkingGroup((await GroupAsync(name, cancellationToken).ConfigureAwait(false)).Id),
            _ => throw new SharingException(SharingErrorKind.Invalid, $"{field}: '{text}' is not 'org:NAME' or 'group:NAME'."),
        };
    }

    private async Task<PartyView> PartyViewAsync(SharingParty party, CancellationToken cancellationToken)
    {
        if (party.Kind == SharingPartyKind.Organization)
        {
            var organization = await store.GetOrganizationAsync(party.Id, cancellationToken).ConfigureAwait(false);
            return new PartyView("organization", party.Id, organization?.Name ?? "(deleted)");
        }

        var group = await store.GetWorkingGroupAsync(party.Id, cancellationToken).ConfigureAwait(false);
        return new PartyView("working-group", party.Id, group?.Name ?? "(deleted)");
    }

    private async Task<WorkingGroupView> ViewAsync(WorkingGroup group, CancellationToken cancellationToken)
    {
        var members = new List<PartyView>();
        foreach (var member in group.Members)
        {
            members.Add(await PartyViewAsync(SharingParty.Organization(member), cancellationToken).ConfigureAwait(false));
        }

        var model = await store.GetSharingModelAsync(cancellationToken).ConfigureAwait(false);
        var collections = model.CollectionWorkingGroups.Where(pair => pair.Value == group.Id).Select(pair => pair.Key).Order().ToArray();
        return new WorkingGroupView(group.Id, group.Name, group.Description, members, collections);
    }

    private async Task<AgreementView> ViewAsync(Agreement agreement, CancellationToken cancellationToken)
    {
        var parties = new List<PartyView>();
        foreach (var party in agreement.Parties)
        {
            parties.Add(await PartyViewAsync(party, cancellationToken).ConfigureAwait(false));
        }

        var now = time.GetUtcNow();
        var status = agreement.RevokedAt is not null ? "revoked"
            : now < agreement.ValidFrom ? "pending"
            : agreement.IsInForce(now) ? "in-force"
            : "expired";
        return new AgreementView(agreement.Id, agreement.Name, status)
        {
            Description = agreement.Description,
            Parties = parties,
            Direction = agreement.Direction == AgreementDirection.OneWay ? "one-way" : "mutual",
            Provider = agreement.Provider is { } provider ? await PartyViewAsync(provider, cancellationToken).ConfigureAwait(false) : null,
            Tlp = agreement.TlpLevels.Select(TlpLevelNames.ToName).ToArray(),
            Types = agreement.AllowedTypes,
            ExcludeTypes = agreement.ExcludedTypes,
            PersonalData = agreement.PersonalData.ToDictionary(permission => permission.Category.ToName(), permission => permission.LegalBasis, StringComparer.Ordinal),
            RetentionDays = agreement.Retention?.TotalDays,
            ValidFrom = agreement.ValidFrom,
            ValidUntil = agreement.ValidUntil,
            CreatedAt = agreement.CreatedAt,
            RevokedAt = agreement.RevokedAt,
        };
    }
}
