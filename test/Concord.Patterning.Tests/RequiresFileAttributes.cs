// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Tests;

/// <summary>A fact that is skipped, with a clear message, when a shared file or folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactRequiringPathAttribute : FactAttribute
{
    public FactRequiringPathAttribute(string path)
    {
        Path = path;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"{path} is absent on this machine, so this check cannot run.";
        }
    }

    public string Path { get; }
}

/// <summary>A theory that is skipped, with a clear message, when a shared file or folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TheoryRequiringPathAttribute : TheoryAttribute
{
    public TheoryRequiringPathAttribute(string path)
    {
        Path = path;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"{path} is absent on this machine, so this check cannot run.";
        }
    }

    public string Path { get; }
}
