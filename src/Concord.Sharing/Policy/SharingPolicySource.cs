// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage;

namespace Concord.Sharing.Policy;

/// <summary>
/// Keeps the compiled <see cref="SharingPolicy"/> of a store current: each call reads the model's revision (one small
/// query) and recompiles only when it changed or an agreement's validity boundary has passed, so a policy change applies
/// to the next request.
/// </summary>
/// <remarks>Thread-safe; concurrent callers may compile the same revision twice, and either result is correct.</remarks>
public sealed class SharingPolicySource
{
    private readonly ISharingStore store;
    private readonly TimeProvider time;
    private SharingPolicy? current;

    /// <summary>Creates the source.</summary>
    /// <param name="store">The store holding the model.</param>
    /// <param name="time">The clock (agreements' validity periods).</param>
    public SharingPolicySource(ISharingStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.time = time;
    }

    /// <summary>The policy for now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask<SharingPolicy> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var revision = await store.GetSharingRevisionAsync(cancellationToken).ConfigureAwait(false);
        var policy = Volatile.Read(ref current);
        if (policy is not null && policy.Revision == revision && now < policy.ValidUntil)
        {
            return policy;
        }

        var model = await store.GetSharingModelAsync(cancellationToken).ConfigureAwait(false);
        policy = SharingPolicy.Build(model, now);
        Volatile.Write(ref current, policy);
        return policy;
    }
}
