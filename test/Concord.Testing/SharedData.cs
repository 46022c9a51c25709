// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Testing;

/// <summary>
/// Finds the real data no one on the project wrote (MITRE ATT&amp;CK bundles, OASIS examples) in
/// the <c>shared</c> folder beside the repository. It is read in place, never copied.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootFolder = new(Locate);

    /// <summary>The <c>shared</c> folder, or null when absent.</summary>
    public static string? Root => RootFolder.Value;

    /// <summary>The message tests skip with when the folder is absent.</summary>
    public const string MissingMessage = "../shared (ATT&CK bundles, OASIS examples and specs beside the repository) was not found; these tests need it.";

    /// <summary>The JSON files of a data folder, e.g. <c>attack</c> or <c>stix-examples</c>, as theory data.</summary>
    public static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        if (Root is not null)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Root, "data", folder), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        else
        {
            data.Add(string.Empty);
        }

        return data;
    }

    /// <summary>Every bundle of the corpus (ATT&amp;CK and OASIS examples) as <c>folder/file.json</c> relative to <c>shared/data</c>; empty when absent.</summary>
    public static IReadOnlyList<string> BundleFiles =>
        Root is null
            ? []
            : [.. ((string[])["attack", "stix-examples"]).SelectMany(folder => Directory.GetFiles(Path.Combine(Root, "data", folder), "*.json")
                .Select(file => $"{folder}/{Path.GetFileName(file)}")).Order(StringComparer.Ordinal)];

    /// <summary><see cref="BundleFiles"/> as theory data (one empty row when absent, for the skipped theory).</summary>
    public static TheoryData<string> BundleFileData => BundleFiles.Count == 0 ? [string.Empty] : [.. BundleFiles];

    /// <summary>Reads a corpus file, relative to <c>shared/data</c>, as a JSON element that lives as long as the process.</summary>
    public static System.Text.Json.JsonElement Load(string relativePath)
    {
        var reader = new System.Text.Json.Utf8JsonReader(File.ReadAllBytes(PathOf("data", relativePath)));
        return System.Text.Json.JsonElement.ParseValue(ref reader);
    }

    /// <summary>The full path of a file under <c>shared</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root ?? throw new InvalidOperationException(MissingMessage), .. parts]);

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")) && Directory.Exists(Path.Combine(candidate, "specs")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with a clear message, when the shared data is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}

/// <summary>A theory that is skipped, with a clear message, when the shared data is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}
