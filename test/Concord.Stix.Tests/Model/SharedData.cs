// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Tests.Model;

/// <summary>
/// The shared test corpus (<c>shared/data</c>: the OASIS STIX examples and MITRE ATT&amp;CK bundles),
/// found by walking up from the test binaries, so that it resolves from any worktree next to <c>shared</c>.
/// </summary>
internal static class SharedData
{
    public const string SkipReason = "The shared test corpus (shared/data) was not found above the test binaries; tests over it are skipped.";

    private static readonly Lazy<string?> FolderLazy = new(FindFolder);

    /// <summary>The <c>shared/data</c> folder, or null when absent.</summary>
    public static string? Folder => FolderLazy.Value;

    /// <summary>Every bundle file of the corpus, relative to <see cref="Folder"/>.</summary>
    public static IReadOnlyList<string> BundleFiles =>
        Folder is null
            ? []
            : new[] { "stix-examples", "attack" }
                .Select(sub => Path.Combine(Folder, sub))
                .Where(Directory.Exists)
                .SelectMany(dir => Directory.GetFiles(dir, "*.json"))
                .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>The bundle files as theory data.</summary>
    public static TheoryData<string> BundleFileData
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in BundleFiles)
            {
                data.Add(file);
            }

            return data;
        }
    }

    /// <summary>Reads a corpus file as a JSON element that lives as long as the process.</summary>
    /// <param name="relativePath">The path relative to <see cref="Folder"/>.</param>
    public static JsonElement Load(string relativePath)
    {
        var folder = Folder ?? throw new InvalidOperationException(SkipReason);
        var bytes = File.ReadAllBytes(Path.Combine(folder, relativePath));
        var reader = new Utf8JsonReader(bytes);
        return JsonElement.ParseValue(ref reader);
    }

    private static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact over the shared corpus, skipped with <see cref="SharedData.SkipReason"/> when the corpus is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}

/// <summary>A theory over the shared corpus, skipped with <see cref="SharedData.SkipReason"/> when the corpus is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
