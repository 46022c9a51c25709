// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// A node killed with SIGKILL while clients POST keeps every object whose status said success: after a restart each
/// is present and byte for byte intact.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const string AdminPassword = "crash-test-password";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Every_acknowledged_object_survives_a_sigkill_during_posts()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string collection;
        using (var node = await NodeProcess.StartAsync(directory, AdminPassword))
        {
            var client = new TaxiiClient(http, TaxiiCredentials.Basic("admin", AdminPassword));
            var apiRoot = new Uri(node.BaseAddress, "/taxii2/api1/");
            collection = (await client.GetCollectionsAsync(apiRoot)).Single().Id;

            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var objects = Enumerable.Range(0, 25).Select(_ => StixObjects.Indicator()).ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetRawText());
                    try
                    {
                        var status = await client.AddObjectsAsync(apiRoot, collection, objects.Values.Select(StixObjects.Parse));
                        foreach (var success in status.Successes ?? [])
                        {
                            acknowledged[success.Id] = objects[success.Id];
                        }
                    }
                    catch (TaxiiException e) when (e.Kind == TaxiiErrorKind.Transport)
                    {
                        return;
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < 500 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            node.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(posters);
        }

        Assert.True(acknowledged.Count >= 500, $"only {acknowledged.Count} objects were acknowledged before the kill");
        using var restarted = await NodeProcess.StartAsync(directory, AdminPassword);
        var reader = new TaxiiClient(http, TaxiiCredentials.Basic("admin", AdminPassword));
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in reader.GetAllObjectsAsync(new Uri(restarted.BaseAddress, "/taxii2/api1/"), collection, new TaxiiQuery { Limit = 1000 }))
        {
            stored[item.GetProperty("id").GetString()!] = item.GetRawText();
        }

        foreach (var (id, json) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var found), $"{id} was acknowledged but is missing after the restart");
            Assert.Equal(json, found);
        }

        restarted.KillHard();
    }
}
