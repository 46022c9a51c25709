// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Concord.Storage.Objects;

namespace Concord.Storage.Sqlite.Tests;

/// <summary>Kills a writing child process with SIGKILL and checks that every acknowledged object survived, intact.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "concord-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_acknowledged_object_survives_a_sigkill_mid_stream()
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "crash.db");
        var collection = Guid.NewGuid();
        const int BatchSize = 200;
        var writer = Path.Combine(AppContext.BaseDirectory, "Concord.Storage.Sqlite.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { writer, database, collection.ToString("D"), BatchSize.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var acknowledged = 0;
        using (var process = Process.Start(start)!)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (acknowledged < 40 * BatchSize)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    Assert.Fail("The writer stopped: " + await process.StandardError.ReadToEndAsync(timeout.Token));
                }

                var parts = line.Split(' ');
                Assert.Equal("ACK", parts[0]);
                Assert.Equal(acknowledged, int.Parse(parts[1], CultureInfo.InvariantCulture));
                acknowledged += int.Parse(parts[2], CultureInfo.InvariantCulture);
            }

            // Process.Kill sends SIGKILL on Unix: no finalizers, no flush, mid-transaction.
            process.Kill();
            await process.WaitForExitAsync(timeout.Token);
        }

        using var store = SqliteStore.Open(database);
        var stored = new List<StoredObject>();
        var query = ObjectQuery.Default with { Limit = 1000 };
        Page<StoredObject> page;
        do
        {
            page = await store.GetObjectsAsync(collection, query);
            stored.AddRange(page.Items);
            query = query with { Next = page.Next };
        }
        while (page.More);

        Assert.True(stored.Count >= acknowledged, $"{stored.Count} stored, {acknowledged} acknowledged");
        Assert.Equal(0, stored.Count % BatchSize);
        for (var n = 0; n < stored.Count; n++)
        {
            Assert.Equal(CrashObject.Id(n), stored[n].Id);
            Assert.Equal(CrashObject.Json(n), Encoding.UTF8.GetString(stored[n].Json.Span));
        }
    }
}
