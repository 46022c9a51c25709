// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Cli;

/// <summary>Runs a handler over the non-blank lines of a JSON-lines file (or standard input for <c>-</c>).</summary>
internal static class JsonLines
{
    /// <summary>Handles each line; returns the largest exit code a line gave, or <see cref="ExitCodes.InputError"/> when the file cannot be read.</summary>
    public static int Run(string file, CliEnvironment environment, Func<int, string, int> handle)
    {
        TextReader input;
        try
        {
            input = new StreamReader(environment.Open(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"{file}: cannot read: {e.Message}");
            return ExitCodes.InputError;
        }

        var exit = ExitCodes.Success;
        using (input)
        {
            var lineNumber = 0;
            while (input.ReadLine() is { } line)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    exit = Math.Max(exit, handle(lineNumber, line));
                }
            }
        }

        environment.Out.Flush();
        return exit;
    }
}
