// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Objects;
using Concord.Storage.Status;

namespace Concord.Storage.Conformance;

/// <summary>Status resources, saved alone or in the transaction of the objects they report on.</summary>
public abstract class StatusConformance : StoreTestBase
{
    [Fact]
    public async Task A_status_round_trips_with_its_details_in_order()
    {
        var store = Open();
        var status = new StatusResource(Guid.NewGuid(), "api1", StatusResource.Complete)
        {
            OrganizationId = Guid.NewGuid(),
            CollectionId = Guid.NewGuid(),
            RequestTimestamp = StixTimestamp.Parse("2024-05-01T12:00:00.123456Z"),
            TotalCount = 4,
            SuccessCount = 2,
            FailureCount = 1,
            PendingCount = 1,
            Successes = [new StatusDetail("indicator--b", "2024-01-01T00:00:00.000Z"), new StatusDetail("indicator--a", "2024-01-01T00:00:00.000Z", "already present")],
            Failures = [new StatusDetail("malware--c", "2024-01-01T00:00:00.000Z", "STIX-0042 at $.name: required property missing")],
            Pendings = [new StatusDetail("tool--d", "2024-01-01T00:00:00.000Z")],
        };

        await store.SaveStatusAsync(status);
        var read = await store.GetStatusAsync(status.Id);

        Assert.NotNull(read);
        Assert.Equal(status.Successes, read.Successes);
        Assert.Equal(status.Failures, read.Failures);
        Assert.Equal(status.Pendings, read.Pendings);
        Assert.Equal(status.RequestTimestamp!.Value.Text, read.RequestTimestamp!.Value.Text);
        Assert.Equal(status with { Successes = read.Successes, Failures = read.Failures, Pendings = read.Pendings, RequestTimestamp = read.RequestTimestamp }, read);
        Assert.Null(await store.GetStatusAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Saving_a_status_again_replaces_it()
    {
        var store = Open();
        var pending = new StatusResource(Guid.NewGuid(), "api1", StatusResource.Pending) { TotalCount = 2, PendingCount = 2, Pendings = [new("a--1", "v"), new("b--2", "v")] };
        await store.SaveStatusAsync(pending);

        await store.SaveStatusAsync(pending with { Status = StatusResource.Complete, PendingCount = 0, SuccessCount = 2, Pendings = [], Successes = pending.Pendings });
        var read = await store.GetStatusAsync(pending.Id);

        Assert.Equal(StatusResource.Complete, read!.Status);
        Assert.Empty(read.Pendings);
        Assert.Equal(pending.Pendings, read.Successes);
        Assert.Equal(2, read.SuccessCount);
        Assert.Equal(0, read.PendingCount);
    }

    [Fact]
    public async Task Adding_with_a_status_stores_the_objects_and_the_status_built_from_their_results()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);
        await store.AddObjectsAsync(collection, [Sdo(Indicator(1))]);
        IReadOnlyList<AddObjectResult>? seen = null;

        var saved = await store.AddObjectsWithStatusAsync(collection, [Sdo(Indicator(1)), Utf8("[]"), Sdo(Indicator(2))], results =>
        {
            seen = results;
            return new StatusResource(Guid.NewGuid(), "api1", StatusResource.Complete)
            {
                CollectionId = collection,
                TotalCount = results.Count,
                SuccessCount = results.Count(r => r.IsSuccess),
                FailureCount = results.Count(r => !r.IsSuccess),
                Successes = results.Where(r => r.IsSuccess).Select(r => new StatusDetail(r.Id, r.Version)).ToArray(),
                Failures = results.Where(r => !r.IsSuccess).Select(r => new StatusDetail(r.Id, r.Version, r.Message)).ToArray(),
            };
        });

        Assert.Equal([AddOutcome.AlreadyPresent, AddOutcome.Rejected, AddOutcome.Added], seen!.Select(r => r.Outcome));
        var read = await store.GetStatusAsync(saved.Id);
        Assert.NotNull(read);
        Assert.Equal((3, 2, 1), (read.TotalCount, read.SuccessCount, read.FailureCount));
        Assert.Equal([Indicator(1), Indicator(2)], read.Successes.Select(d => d.Id));
        Assert.Equal(saved.Failures, read.Failures);
        Assert.Equal([Indicator(1), Indicator(2)], (await store.GetObjectsAsync(collection, ObjectQuery.Default)).Items.Select(o => o.Id));
    }

    [Fact]
    public async Task When_building_the_status_fails_neither_the_objects_nor_a_status_are_stored()
    {
        var store = Open();
        var collection = await NewCollectionAsync(store);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AddObjectsWithStatusAsync(collection, [Sdo(Indicator(1))], _ => throw new InvalidOperationException("no status")));

        Assert.Equal("no status", error.Message);
        Assert.Empty((await store.GetObjectsAsync(collection, ObjectQuery.Default with { Versions = VersionFilter.AllVersions })).Items);
        var retried = await store.AddObjectsWithStatusAsync(collection, [Sdo(Indicator(1))], results =>
            new StatusResource(Guid.NewGuid(), "api1", StatusResource.Complete) { TotalCount = 1, SuccessCount = 1 });
        Assert.Equal(1, (await store.GetStatusAsync(retried.Id))!.SuccessCount);
        Assert.Equal(AddOutcome.Added, Assert.Single(await store.AddObjectsAsync(collection, [Sdo(Indicator(2))])).Outcome);
    }

    [Fact]
    public async Task Adding_with_a_status_to_an_unknown_collection_throws_not_found_and_saves_no_status()
    {
        var store = Open();
        var id = Guid.NewGuid();

        await Assert.ThrowsAsync<StorageNotFoundException>(() =>
            store.AddObjectsWithStatusAsync(Guid.NewGuid(), [Sdo(Indicator(1))], _ => new StatusResource(id, "api1", StatusResource.Complete)));

        Assert.Null(await store.GetStatusAsync(id));
    }
}
