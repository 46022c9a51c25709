// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Cli.Tests;

/// <summary>Runs the concord command in process with captured streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => WithInput(Stream.Null, args);

    public static CliRun WithInput(string stdin, params string[] args) => WithInput(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), args);

    public static CliRun WithInput(Stream stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ConcordCommand.Run(args, new CliEnvironment(output, error, () => stdin));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary file deleted at dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension = ".json")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"concord-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
