// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Benchmarks.Support;

/// <summary>Finds ../shared/data beside the repository; benchmarks read it in place.</summary>
internal static class SharedData
{
    public static string Attack(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "attack", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"../shared/data/attack/{file} was not found beside the repository; the benchmark needs the ATT&CK bundles.");
    }
}
