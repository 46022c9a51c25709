// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The NTFS File extension (<c>ntfs-ext</c>) of a file (section 6.7.3).</summary>
/// <param name="json">The JSON object.</param>
public sealed class NtfsExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.7.3).</summary>
    public const string ExtensionName = "ntfs-ext";

    /// <summary><c>sid</c>: Specifies the security ID (SID) value assigned to the file (section 6.7.3).</summary>
    public string? Sid => GetString("sid");

    /// <summary><c>alternate_data_streams</c>: Specifies a list of NTFS alternate data streams that exist for the file (section 6.7.3).</summary>
    public IReadOnlyList<AlternateDataStream> AlternateDataStreams => GetObjects("alternate_data_streams", e => new AlternateDataStream(e));
}
