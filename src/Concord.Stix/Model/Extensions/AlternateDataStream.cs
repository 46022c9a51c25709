// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>An NTFS alternate data stream (section 6.7.3).</summary>
/// <param name="json">The JSON object.</param>
public sealed class AlternateDataStream(JsonElement json) : StixElement(json)
{
    /// <summary><c>name</c> (required): Specifies the name of the alternate data stream (section 6.7.3).</summary>
    public string? Name => GetString("name");

    /// <summary><c>hashes</c>: Specifies a dictionary of hashes for the data contained in the alternate data stream (section 6.7.3).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");

    /// <summary><c>size</c>: Specifies the size of the alternate data stream, in bytes (section 6.7.3).</summary>
    public long? Size => GetInt64("size");
}
