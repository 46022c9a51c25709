// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Text;
using Concord.Federation.Tests.Support;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sqlite;

namespace Concord.Federation.Tests;

/// <summary>
/// Node A is a real data directory driven by the real <c>concord</c> command; its <c>concord peer sync</c> pushes to node B
/// and is killed with SIGKILL after B has stored a page and before A hears back, then run again.
/// </summary>
public sealed class PushKillTests : IAsyncLifetime
{
    private const int Count = 2500;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-federation-push-kill-" + Guid.NewGuid().ToString("N"));
    private TestNode b = null!;

    public async Task InitializeAsync() => b = await TestNode.StartAsync("b");

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_push_killed_between_the_POST_and_the_cursor_save_resends_the_page_on_restart_without_loss_or_duplicates()
    {
        var environment = new Dictionary<string, string> { ["CONCORD_ADMIN_PASSWORD"] = "correct horse battery staple" };
        var init = await Support.Concord.RunAsync(environment, "init", "--data", directory, "--org", "a");
        var outbox = Support.Concord.DefaultCollectionOf(init);
        var aOnB = await b.OrganizationAsync("a");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        var inbox = await b.CollectionAsync("inbox of a", aOnB, b.OrganizationId);
        // B only receives from A here (A serves nothing), so the URL B would pull from is never used.
        b.Registry.Add(new Peer("a", new Uri("http://127.0.0.1:1/taxii2/api1/"), aOnB) { PublicKeyPem = await File.ReadAllTextAsync(Path.Combine(directory, "node-key.pub.pem")), Inbox = inbox });
        var variable = await b.TokenVariableAsync(aOnB);
        environment[variable] = Environment.GetEnvironmentVariable(variable)!;
        var keyFile = Path.Combine(directory, "b.pub.pem");
        await File.WriteAllTextAsync(keyFile, b.PublicKeyPem);
        await Support.Concord.RunAsync(environment, "peer", "add", "b", "--data", directory, "--url", b.ApiRoot.ToString(), "--org", "b",
            "--public-key", keyFile, "--token-env", variable, "--push-to", inbox.ToString("D"));
        await Support.Concord.RunAsync(environment, "agreement", "add", "a-b", "--data", directory, "--party", "org:a", "--party", "org:b", "--tlp", "green");
        using (var store = SqliteStore.Open(Path.Combine(directory, "concord.db")))
        {
            var objects = Enumerable.Range(0, Count).Select(n => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(StixObjects.Indicator(TlpLevel.Green, address: n).ToJsonString())).ToList();
            Assert.All(await store.AddObjectsAsync(outbox, objects), result => Assert.True(result.IsSuccess, result.Message));
        }

        await SyncKilledAtSecondPostAsync(environment);
        var acceptedAtKill = PeerPushState.Load(directory, "b").Collections[outbox].Accepted;
        var output = await Support.Concord.RunAsync(environment, "peer", "sync", "b", "--data", directory);

        Assert.Equal(1000, acceptedAtKill);
        Assert.Contains($"Pushed to b: {Count} object versions received by it in all.", output, StringComparison.Ordinal);
        Assert.Equal(4, b.Posts);
        var received = await b.ObjectsAsync(inbox);
        Assert.Equal(Count, received.Count);
        Assert.Equal(Count, received.Select(o => o.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Runs <c>concord peer sync</c>; B kills it (SIGKILL) once it has stored the second page and before it answers.</summary>
    private async Task SyncKilledAtSecondPostAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var process = Process.Start(Support.Concord.StartInfo(environment, "peer", "sync", "b", "--data", directory))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        b.AfterPost = () =>
        {
            if (b.Posts == 2)
            {
                process.Kill(entireProcessTree: false);
                process.WaitForExit();
            }
        };
        await process.WaitForExitAsync();
        b.AfterPost = null;
        Assert.Equal(2, b.Posts);
    }
}
