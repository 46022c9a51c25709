// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Concord.Federation.Tests.Support;

/// <summary>Runs the built <c>concord</c> command (concord.dll under <c>dotnet</c>) as a child process.</summary>
internal static partial class Concord
{
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs a command to its end; fails the test with its output when it does not exit 0.</summary>
    public static async Task<string> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"concord {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    /// <summary>The default collection that <c>concord init</c> printed.</summary>
    public static Guid DefaultCollectionOf(string initOutput) => Guid.Parse(DefaultCollection().Match(initOutput).Groups[1].Value);

    [GeneratedRegex(@"default collection:\s+([0-9a-f-]{36})")]
    private static partial Regex DefaultCollection();

    private static string Dll()
    {
        var configuration = typeof(Concord).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Concord.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Concord.slnx not found above the test directory."),
            "src", "Concord.Cli", "bin", configuration, "net10.0", "concord.dll");
    }
}
