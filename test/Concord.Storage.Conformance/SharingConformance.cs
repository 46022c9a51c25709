// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model.Meta;
using Concord.Storage.Collections;
using Concord.Storage.Sharing;

namespace Concord.Storage.Conformance;

/// <summary>Working groups, memberships, agreements, collection ownership and the sharing revision.</summary>
public abstract class SharingConformance : StoreTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Working_groups_are_created_found_listed_and_unique_by_name()
    {
        var store = Open();
        var cyber = await store.CreateWorkingGroupAsync("Cyber WG", "cybersecurity working group");
        var ct = await store.CreateWorkingGroupAsync("CT WG");

        Assert.Equal("cybersecurity working group", (await store.GetWorkingGroupAsync(cyber.Id))!.Description);
        Assert.Equal(ct.Id, (await store.FindWorkingGroupAsync("CT WG"))!.Id);
        Assert.Null(await store.FindWorkingGroupAsync("ct wg"));
        Assert.Null(await store.GetWorkingGroupAsync(Guid.NewGuid()));
        Assert.Equal([ct.Id, cyber.Id], (await store.ListWorkingGroupsAsync()).Select(g => g.Id));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateWorkingGroupAsync("CT WG"));
    }

    [Fact]
    public async Task Members_are_added_once_removed_once_and_must_exist()
    {
        var store = Open();
        var group = await store.CreateWorkingGroupAsync("Cyber WG");
        var a = await store.CreateOrganizationAsync("A");
        var b = await store.CreateOrganizationAsync("B");

        Assert.True(await store.AddWorkingGroupMemberAsync(group.Id, b.Id));
        Assert.True(await store.AddWorkingGroupMemberAsync(group.Id, a.Id));
        Assert.False(await store.AddWorkingGroupMemberAsync(group.Id, a.Id));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), (await store.GetWorkingGroupAsync(group.Id))!.Members);
        Assert.True(await store.RemoveWorkingGroupMemberAsync(group.Id, a.Id));
        Assert.False(await store.RemoveWorkingGroupMemberAsync(group.Id, a.Id));
        Assert.Equal([b.Id], (await store.FindWorkingGroupAsync("Cyber WG"))!.Members);
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.AddWorkingGroupMemberAsync(group.Id, Guid.NewGuid()));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.AddWorkingGroupMemberAsync(Guid.NewGuid(), a.Id));
    }

    [Fact]
    public async Task An_agreement_round_trips_every_field()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var group = await store.CreateWorkingGroupAsync("Cyber WG");
        var agreement = new Agreement(Guid.NewGuid(), "A to Cyber WG")
        {
            Description = "indicators for the WG",
            Parties = [SharingParty.Organization(a.Id), SharingParty.WorkingGroup(group.Id)],
            Direction = AgreementDirection.OneWay,
            Provider = SharingParty.Organization(a.Id),
            TlpLevels = [TlpLevel.Green, TlpLevel.Amber],
            AllowedTypes = ["indicator", "malware"],
            ExcludedTypes = ["identity"],
            PersonalData = [new PersonalDataPermission(PersonalDataCategory.EmailAddress, "GDPR Art. 6(1)(e)")],
            Retention = TimeSpan.FromDays(365),
            ValidFrom = Now,
            ValidUntil = Now.AddYears(1),
            CreatedAt = Now,
        };

        await store.CreateAgreementAsync(agreement);

        foreach (var read in new[] { await store.GetAgreementAsync(agreement.Id), await store.FindAgreementAsync("A to Cyber WG"), (await store.ListAgreementsAsync()).Single() })
        {
            Assert.NotNull(read);
            Assert.Equivalent(agreement, read, strict: true);
        }

        Assert.Null(await store.GetAgreementAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateAgreementAsync(agreement with { Id = Guid.NewGuid() }));
    }

    [Fact]
    public async Task An_agreement_naming_an_unknown_party_is_refused()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var unknownGroup = new Agreement(Guid.NewGuid(), "x") { Parties = [SharingParty.Organization(a.Id), SharingParty.WorkingGroup(Guid.NewGuid())] };
        var unknownOrganization = new Agreement(Guid.NewGuid(), "y") { Parties = [SharingParty.Organization(a.Id), SharingParty.Organization(Guid.NewGuid())] };

        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.CreateAgreementAsync(unknownGroup));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.CreateAgreementAsync(unknownOrganization));
        Assert.Empty(await store.ListAgreementsAsync());
    }

    [Fact]
    public async Task Revoking_keeps_the_first_revocation_time()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var b = await store.CreateOrganizationAsync("B");
        var agreement = new Agreement(Guid.NewGuid(), "A-B") { Parties = [SharingParty.Organization(a.Id), SharingParty.Organization(b.Id)], ValidFrom = Now };
        await store.CreateAgreementAsync(agreement);

        Assert.True(await store.RevokeAgreementAsync(agreement.Id, Now.AddDays(1)));
        Assert.True(await store.RevokeAgreementAsync(agreement.Id, Now.AddDays(2)));
        Assert.False(await store.RevokeAgreementAsync(Guid.NewGuid(), Now));

        var revoked = (await store.GetAgreementAsync(agreement.Id))!;
        Assert.Equal(Now.AddDays(1), revoked.RevokedAt);
        Assert.False(revoked.IsInForce(Now.AddDays(1)));
    }

    [Fact]
    public async Task A_working_group_in_use_cannot_be_deleted()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var owner = await store.CreateWorkingGroupAsync("Owner");
        var party = await store.CreateWorkingGroupAsync("Party");
        await store.AddWorkingGroupMemberAsync(owner.Id, a.Id);
        var collection = await NewCollectionAsync(store);
        await store.SetCollectionWorkingGroupAsync(collection, owner.Id);
        var agreement = new Agreement(Guid.NewGuid(), "A-Party") { Parties = [SharingParty.Organization(a.Id), SharingParty.WorkingGroup(party.Id)] };
        await store.CreateAgreementAsync(agreement);

        await Assert.ThrowsAsync<StorageConflictException>(() => store.DeleteWorkingGroupAsync(owner.Id));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.DeleteWorkingGroupAsync(party.Id));

        await store.SetCollectionWorkingGroupAsync(collection, null);
        await store.RevokeAgreementAsync(agreement.Id, Now);
        Assert.True(await store.DeleteWorkingGroupAsync(owner.Id));
        Assert.True(await store.DeleteWorkingGroupAsync(party.Id));
        Assert.False(await store.DeleteWorkingGroupAsync(party.Id));
        Assert.Empty(await store.ListWorkingGroupsAsync());
    }

    [Fact]
    public async Task A_collection_has_one_owner()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var group = await store.CreateWorkingGroupAsync("WG");
        var owned = new CollectionInfo(Guid.NewGuid(), "api1", "A's") { OwnerOrganizationId = a.Id };
        await store.CreateCollectionAsync(owned);
        var free = await NewCollectionAsync(store);

        await Assert.ThrowsAsync<StorageConflictException>(() => store.SetCollectionWorkingGroupAsync(owned.Id, group.Id));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.SetCollectionWorkingGroupAsync(Guid.NewGuid(), group.Id));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.SetCollectionWorkingGroupAsync(free, Guid.NewGuid()));
        await store.SetCollectionWorkingGroupAsync(free, group.Id);

        var model = await store.GetSharingModelAsync();
        Assert.Equal(group.Id, model.CollectionWorkingGroups[free]);
        Assert.False(model.CollectionWorkingGroups.ContainsKey(owned.Id));
    }

    [Fact]
    public async Task Every_change_to_the_model_moves_the_revision_and_reads_do_not()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var seen = new List<long> { await store.GetSharingRevisionAsync() };
        async Task Step(Func<Task> change)
        {
            await change();
            seen.Add(await store.GetSharingRevisionAsync());
        }

        var group = await store.CreateWorkingGroupAsync("WG");
        seen.Add(await store.GetSharingRevisionAsync());
        await Step(() => store.AddWorkingGroupMemberAsync(group.Id, a.Id));
        var agreement = new Agreement(Guid.NewGuid(), "A-WG") { Parties = [SharingParty.Organization(a.Id), SharingParty.WorkingGroup(group.Id)] };
        await Step(() => store.CreateAgreementAsync(agreement));
        await Step(() => store.RevokeAgreementAsync(agreement.Id, Now));
        var collection = await NewCollectionAsync(store);
        await Step(() => store.SetCollectionWorkingGroupAsync(collection, group.Id));
        await Step(() => store.RemoveWorkingGroupMemberAsync(group.Id, a.Id));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        var model = await store.GetSharingModelAsync();
        Assert.Equal(seen[^1], model.Revision);
        Assert.Equal(seen[^1], await store.GetSharingRevisionAsync());
        Assert.Single(model.WorkingGroups);
        Assert.Single(model.Agreements);
    }
}
