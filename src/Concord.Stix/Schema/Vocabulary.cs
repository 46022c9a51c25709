// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Frozen;

namespace Concord.Stix.Schema;

/// <summary>A STIX open vocabulary or enumeration (section 10).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Vocabulary
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>Creates a vocabulary.</summary>
    /// <param name="name">The specification's name, e.g. <c>malware-type-ov</c> or <c>opinion-enum</c>.</param>
    /// <param name="section">The specification section that defines it, e.g. <c>10.15</c>.</param>
    /// <param name="values">The defined terms.</param>
    public Vocabulary(string name, string section, params string[] values)
    {
        Name = name;
        Section = section;
        Values = values.ToFrozenSet(StringComparer.Ordinal);
        lookup = Values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The specification's name of the vocabulary.</summary>
    public string Name { get; }

    /// <summary>The specification section that defines it.</summary>
    public string Section { get; }

    /// <summary>The defined terms.</summary>
    public FrozenSet<string> Values { get; }

    /// <summary>Whether <paramref name="value"/> is a defined term (exact, case-sensitive).</summary>
    /// <param name="value">The term.</param>
    public bool Contains(string value) => Values.Contains(value);

    /// <summary>Whether <paramref name="value"/> is a defined term, without allocating.</summary>
    /// <param name="value">The term.</param>
    public bool Contains(ReadOnlySpan<char> value) => lookup.Contains(value);
}
