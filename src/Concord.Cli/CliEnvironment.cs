// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Cli;

/// <summary>The standard streams a command uses, so that tests can run commands in process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OpenInput">Opens standard input.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<Stream> OpenInput)
{
    /// <summary>The process's own streams.</summary>
    public static CliEnvironment System { get; } = new(Console.Out, Console.Error, Console.OpenStandardInput);

    /// <summary>Opens a file named on the command line, or standard input for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public Stream Open(string file) => file == "-" ? OpenInput() : File.OpenRead(file);
}
