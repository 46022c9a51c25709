// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>A section of a Windows PE binary (section 6.7.6).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsPESection(JsonElement json) : StixElement(json)
{
    /// <summary><c>name</c> (required): Specifies the name of the section (section 6.7.6).</summary>
    public string? Name => GetString("name");

    /// <summary><c>size</c>: Specifies the size of the section, in bytes (section 6.7.6).</summary>
    public long? Size => GetInt64("size");

    /// <summary><c>entropy</c>: Specifies the calculated entropy for the section, as calculated using the Shannon algorithm [Shannon Entropy] (section 6.7.6).</summary>
    public double? Entropy => GetDouble("entropy");

    /// <summary><c>hashes</c>: Specifies any hashes computed over the section (section 6.7.6).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");
}
