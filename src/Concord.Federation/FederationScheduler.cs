// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Logging;

namespace Concord.Federation;

/// <summary>
/// Syncs each peer of a registry on its own interval in the background (<c>concord serve</c>), a pull then a push: one loop per peer, so a
/// peer that is down, slow or sends garbage delays only itself. Peers added or removed are picked up within
/// <see cref="RescanInterval"/>.
/// </summary>
/// <remarks>Start once; dispose to stop (waits for the loops to end).</remarks>
public sealed partial class FederationScheduler : IAsyncDisposable
{
    private readonly PeerRegistry registry;
    private readonly PeerPuller puller;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Task> loops = new(StringComparer.Ordinal);
    private Task? supervisor;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="registry">The peers.</param>
    /// <param name="puller">Pulls one peer.</param>
    /// <param name="time">The clock (intervals).</param>
    /// <param name="logger">Receives one line per sync and per failure.</param>
    public FederationScheduler(PeerRegistry registry, PeerPuller puller, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(puller);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.registry = registry;
        this.puller = puller;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Pushes to each peer that has an inbox (<see cref="Peer.PushTo"/>) right after its pull; no push when null.</summary>
    public PeerPusher? Pusher { get; init; }

    /// <summary>How often the registry is read again for added and removed peers.</summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Starts the loops.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (supervisor is not null)
        {
            throw new InvalidOperationException("The scheduler is already started.");
        }

        supervisor = SuperviseAsync(stopping.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (supervisor is not null)
        {
            await supervisor.ConfigureAwait(false);
        }

        await Task.WhenAll(loops.Values).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var peer in registry.List())
                {
                    if (!loops.TryGetValue(peer.Name, out var loop) || loop.IsCompleted)
                    {
                        loops[peer.Name] = Task.Run(() => RunAsync(peer.Name, cancellationToken), CancellationToken.None);
                    }
                }
            }
            catch (FederationException e)
            {
                LogFailure(logger, e.Message);
            }

            if (!await DelayAsync(RescanInterval, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task RunAsync(string name, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Peer? peer;
            try
            {
                peer = registry.Find(name);
            }
            catch (FederationException e)
            {
                LogFailure(logger, e.Message);
                return;
            }

            if (peer is null)
            {
                return;
            }

            try
            {
                var state = await puller.PullAsync(peer, null, cancellationToken).ConfigureAwait(false);
                if (state.LastError is { } error)
                {
                    LogSyncError(logger, error);
                }

                if (Pusher is not null && (await Pusher.PushAsync(peer, null, cancellationToken).ConfigureAwait(false)).LastError is { } pushError)
                {
                    LogSyncError(logger, pushError);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One peer's unexpected failure (a full disk, an audit log error) must not end the others' loops; it is logged and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogUnexpected(logger, e, name, e.Message);
            }

            if (!await DelayAsync(peer.Interval, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Federation: {Error}")]
    private static partial void LogFailure(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federation: {Error}")]
    private static partial void LogSyncError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Federation: peer '{Peer}': the sync failed: {Message}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string peer, string message);
}
