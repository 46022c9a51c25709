// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing;

/// <summary>The names of TLP levels in agreements, the CLI and the admin API: <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c> (TLP 2.0).</summary>
/// <remarks>Thread-safe.</remarks>
public static class TlpLevelNames
{
    private static readonly string[] Names = ["clear", "green", "amber", "amber+strict", "red"];

    /// <summary>Every name, from the least to the most restrictive.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The name of a level.</summary>
    /// <param name="level">The level.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined level.</exception>
    public static string ToName(TlpLevel level) =>
        (uint)level < (uint)Names.Length ? Names[(int)level] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a TLP level.");

    /// <summary>The level with this name, compared ordinally; TLP 1.0's <c>white</c> is read as <c>clear</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="level">The level when found.</param>
    public static bool TryParse(string? name, [NotNullWhen(true)] out TlpLevel? level)
    {
        var index = name == "white" ? 0 : Array.IndexOf(Names, name);
        level = index < 0 ? null : (TlpLevel)index;
        return index >= 0;
    }
}
