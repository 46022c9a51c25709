// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Concord.Taxii.Tests.Support;

/// <summary>A <c>concord serve</c> child process (the built concord.dll run by <c>dotnet</c>) on a free loopback port.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NodeProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<NodeProcess> StartAsync(string dataDirectory, string adminPassword)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ConcordDll());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["CONCORD_ADMIN_PASSWORD"] = adminPassword;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitHealthyAsync();
        return node;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown code runs) and waits for it to be gone.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"concord serve exited with {process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        KillHard();
        throw new TimeoutException($"concord serve did not become healthy: {Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ConcordDll()
    {
        var configuration = typeof(NodeProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Concord.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Concord.slnx not found above the test directory.");
        }

        var dll = Path.Combine(directory.FullName, "src", "Concord.Cli", "bin", configuration, "net10.0", "concord.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Concord.Cli first.", dll);
    }
}
