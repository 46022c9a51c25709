// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of("no-such-command");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("concord --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_without_input_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.Of("validate").ExitCode);
    }
}
