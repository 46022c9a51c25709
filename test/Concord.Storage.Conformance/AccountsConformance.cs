// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Accounts;

namespace Concord.Storage.Conformance;

/// <summary>Organizations, users, API tokens and grants.</summary>
public abstract class AccountsConformance : StoreTestBase
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Organizations_are_created_found_listed_and_unique_by_name()
    {
        var store = Open();
        var cert = await store.CreateOrganizationAsync("CERT-A");
        var wg = await store.CreateOrganizationAsync("Agency B");

        Assert.Equal(cert, await store.GetOrganizationAsync(cert.Id));
        Assert.Equal(wg, await store.FindOrganizationAsync("Agency B"));
        Assert.Null(await store.FindOrganizationAsync("agency b"));
        Assert.Null(await store.GetOrganizationAsync(Guid.NewGuid()));
        Assert.Equal([wg, cert], await store.ListOrganizationsAsync());
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateOrganizationAsync("CERT-A"));
    }

    [Fact]
    public async Task Users_keep_their_opaque_hash_and_are_unique_by_name()
    {
        var store = Open();
        var org = await store.CreateOrganizationAsync("CERT-A");
        const string Hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";

        var user = await store.CreateUserAsync(org.Id, "alice", Hash);

        Assert.Equal(user, await store.FindUserAsync("alice"));
        Assert.Equal(user, await store.GetUserAsync(user.Id));
        Assert.Equal(Hash, user.PasswordHash);
        Assert.Equal(0, user.FailedAttempts);
        Assert.Null(user.LockedUntil);
        Assert.Equal([user], await store.ListUsersAsync(org.Id));
        Assert.Null(await store.FindUserAsync("bob"));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateUserAsync(org.Id, "alice", "x"));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.CreateUserAsync(Guid.NewGuid(), "carol", "x"));
        await store.SetPasswordHashAsync(user.Id, "new");
        Assert.Equal("new", (await store.GetUserAsync(user.Id))!.PasswordHash);
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.SetPasswordHashAsync(Guid.NewGuid(), "x"));
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_user_at_the_threshold_even_when_concurrent()
    {
        var store = Open();
        var org = await store.CreateOrganizationAsync("CERT-A");
        var user = await store.CreateUserAsync(org.Id, "alice", "h");

        var afterTwo = await store.RecordSignInFailureAsync(user.Id, Now, 5, TimeSpan.FromMinutes(15));
        await store.RecordSignInFailureAsync(user.Id, Now, 5, TimeSpan.FromMinutes(15));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => store.RecordSignInFailureAsync(user.Id, Now, 5, TimeSpan.FromMinutes(15)))));
        var locked = await store.GetUserAsync(user.Id);
        await store.RecordSignInSuccessAsync(user.Id);
        var cleared = await store.GetUserAsync(user.Id);

        Assert.Equal(1, afterTwo.FailedAttempts);
        Assert.Equal(Now + TimeSpan.FromMinutes(15), locked!.LockedUntil);
        Assert.Equal(0, locked.FailedAttempts);
        Assert.Null(cleared!.LockedUntil);
        Assert.Equal(0, cleared.FailedAttempts);
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.RecordSignInFailureAsync(Guid.NewGuid(), Now, 5, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Tokens_are_found_by_hash_listed_and_revoked_once()
    {
        var store = Open();
        var org = await store.CreateOrganizationAsync("CERT-A");
        var user = await store.CreateUserAsync(org.Id, "alice", "h");
        var token = new ApiToken(Guid.NewGuid(), org.Id, "ci", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Now) { UserId = user.Id, ExpiresAt = Now.AddDays(90) };
        var second = new ApiToken(Guid.NewGuid(), org.Id, "sync", "other-hash", Now.AddMinutes(1));

        await store.CreateApiTokenAsync(token);
        await store.CreateApiTokenAsync(second);

        Assert.Equal(token, await store.FindApiTokenAsync(token.TokenHash));
        Assert.Null(await store.FindApiTokenAsync("unknown"));
        Assert.Equal([token, second], await store.ListApiTokensAsync(org.Id));
        await Assert.ThrowsAsync<StorageConflictException>(() => store.CreateApiTokenAsync(second with { Id = Guid.NewGuid() }));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.CreateApiTokenAsync(second with { Id = Guid.NewGuid(), TokenHash = "x", OrganizationId = Guid.NewGuid() }));
        Assert.True(await store.RevokeApiTokenAsync(token.Id, Now.AddDays(1)));
        Assert.True(await store.RevokeApiTokenAsync(token.Id, Now.AddDays(2)));
        Assert.False(await store.RevokeApiTokenAsync(Guid.NewGuid(), Now));
        Assert.Equal(Now.AddDays(1), (await store.FindApiTokenAsync(token.TokenHash))!.RevokedAt);
    }

    [Fact]
    public async Task Grants_are_set_replaced_listed_and_removed()
    {
        var store = Open();
        var a = await store.CreateOrganizationAsync("A");
        var b = await store.CreateOrganizationAsync("B");
        var first = await NewCollectionAsync(store);
        var second = await NewCollectionAsync(store);

        await store.SetGrantAsync(new CollectionGrant(first, a.Id, true, false));
        await store.SetGrantAsync(new CollectionGrant(second, a.Id, true, true));
        await store.SetGrantAsync(new CollectionGrant(first, b.Id, true, true));
        await store.SetGrantAsync(new CollectionGrant(first, a.Id, true, true));

        Assert.Equal(new CollectionGrant(first, a.Id, true, true), await store.GetGrantAsync(first, a.Id));
        Assert.Null(await store.GetGrantAsync(second, b.Id));
        Assert.Equal([first, second], (await store.ListGrantsAsync(a.Id)).Select(g => g.CollectionId));
        Assert.Equal(2, (await store.ListCollectionGrantsAsync(first)).Count);
        await store.SetGrantAsync(new CollectionGrant(first, b.Id, false, false));
        Assert.Null(await store.GetGrantAsync(first, b.Id));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.SetGrantAsync(new CollectionGrant(Guid.NewGuid(), a.Id, true, true)));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => store.SetGrantAsync(new CollectionGrant(first, Guid.NewGuid(), true, true)));
    }

    [Fact]
    public async Task Accounts_survive_reopening()
    {
        var store = Open();
        var org = await store.CreateOrganizationAsync("A");
        var user = await store.CreateUserAsync(org.Id, "alice", "h");
        await store.DisposeAsync();

        var reopened = Open();

        Assert.Equal(user, await reopened.FindUserAsync("alice"));
    }
}
