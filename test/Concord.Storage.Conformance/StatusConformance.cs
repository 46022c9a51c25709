// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Status;

namespace Concord.Storage.Conformance;

/// <summary>Status resources.</summary>
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
}
