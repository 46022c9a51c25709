// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Sockets;

namespace Concord.Taxii.Tests.Support;

/// <summary>
/// A TCP relay on a loopback port it picks, to a target host and port, that a test can cut (closing every relayed
/// connection and refusing new ones) and restore on the same port: a database outage without touching the database.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private TcpListener listener;
    private CancellationTokenSource running = new();
    private Task accepting;

    public TcpRelay(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(listener, running.Token);
    }

    public int Port { get; }

    /// <summary>Closes every relayed connection and stops listening: connecting is refused until <see cref="Restore"/>.</summary>
    public async Task CutAsync()
    {
        await running.CancelAsync();
        listener.Stop();
        await accepting;
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }

            open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        running.Dispose();
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        accepting = AcceptAsync(listener, running.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!running.IsCancellationRequested)
        {
            await CutAsync();
        }

        running.Dispose();
    }

    private async Task AcceptAsync(TcpListener source, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await source.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outgoing = new TcpClient();
            await outgoing.ConnectAsync(targetHost, targetPort, cancellationToken);
            lock (open)
            {
                open.Add(incoming);
                open.Add(outgoing);
            }

            _ = PumpAsync(incoming, outgoing);
            _ = PumpAsync(outgoing, incoming);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        from.Dispose();
        to.Dispose();
    }
}
