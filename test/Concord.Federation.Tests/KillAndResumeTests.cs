// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using Concord.Federation.Tests.Support;
using Concord.Stix.Model.Meta;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;

namespace Concord.Federation.Tests;

/// <summary>
/// Node B is a real data directory driven by the real <c>concord</c> command: set up with <c>init</c>,
/// <c>peer add</c> and <c>agreement add</c>, then <c>concord peer sync</c> is killed with SIGKILL in the middle of a
/// pull from A and run again.
/// </summary>
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private const int Count = 20_000;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-federation-kill-" + Guid.NewGuid().ToString("N"));
    private TestNode a = null!;

    public async Task InitializeAsync() => a = await TestNode.StartAsync("a");

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_sync_killed_mid_pull_resumes_on_restart_without_loss_or_duplicates()
    {
        var bOnA = await a.OrganizationAsync("b");
        var outbox = await a.CollectionAsync("A outbox", a.OrganizationId, bOnA);
        await a.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        for (var start = 0; start < Count; start += 1000)
        {
            await a.AddAsync(outbox, StixObjects.Json([.. Enumerable.Range(start, 1000).Select(n => StixObjects.Indicator(TlpLevel.Green, address: n))]));
        }

        var variable = await a.TokenVariableAsync(bOnA);
        var environment = new Dictionary<string, string> { ["CONCORD_ADMIN_PASSWORD"] = "correct horse battery staple", [variable] = Environment.GetEnvironmentVariable(variable)! };
        var keyFile = Path.Combine(Path.GetTempPath(), $"a-{Guid.NewGuid():N}.pub.pem");
        await File.WriteAllTextAsync(keyFile, a.PublicKeyPem);
        await Support.Concord.RunAsync(environment, "init", "--data", directory, "--org", "b");
        await Support.Concord.RunAsync(environment, "peer", "add", "a", "--data", directory, "--url", a.ApiRoot.ToString(), "--org", "a",
            "--public-key", keyFile, "--token-env", variable, "--collection", outbox.ToString("D"));
        File.Delete(keyFile);
        await Support.Concord.RunAsync(environment, "agreement", "add", "a-b", "--data", directory, "--party", "org:a", "--party", "org:b", "--tlp", "green");

        var addedAtKill = await SyncAndKillMidwayAsync(environment);
        var output = await Support.Concord.RunAsync(environment, "peer", "sync", "a", "--data", directory);

        Assert.InRange(addedAtKill, 1, Count - 1);
        Assert.Contains($"Synced a: {Count} object versions held from it in all.", output, StringComparison.Ordinal);
        var local = new PeerRegistry(directory).Find("a")!.Collections[0].LocalId;
        using (var store = SqliteStore.Open(Path.Combine(directory, "concord.db")))
        {
            var page = await store.GetObjectsAsync(local, new ObjectQuery { Limit = Count + 1, Versions = VersionFilter.AllVersions });
            Assert.Equal(Count, page.Items.Count);
            Assert.Equal(Count, page.Items.Select(item => item.Id).Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Equal(Count, ProvenanceLog.Read(directory, "a").Count);
    }

    /// <summary>Starts <c>concord peer sync</c>, kills it (SIGKILL) once the state shows a stored page, and returns the count stored by then.</summary>
    private async Task<long> SyncAndKillMidwayAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var process = Process.Start(Support.Concord.StartInfo(environment, "peer", "sync", "a", "--data", directory))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var statePath = PeerSyncState.PathOf(directory, "a");
        while (!process.HasExited)
        {
            if (File.Exists(statePath) && PeerSyncState.Load(directory, "a").Collections.Values.SingleOrDefault()?.Added > 0)
            {
                process.Kill(entireProcessTree: false);
                break;
            }

            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        return PeerSyncState.Load(directory, "a").Collections.Values.Single().Added;
    }
}
