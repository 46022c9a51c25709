// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Cli;

/// <summary>The exit codes of every <c>concord</c> command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Success: valid, matched, done.</summary>
    public const int Success = 0;

    /// <summary>A negative verdict: invalid content, no match.</summary>
    public const int Negative = 1;

    /// <summary>A usage error or input that cannot be read or parsed.</summary>
    public const int InputError = 2;
}
