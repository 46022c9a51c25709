// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Archive File extension (<c>archive-ext</c>) of a file (section 6.7.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class ArchiveExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.7.2).</summary>
    public const string ExtensionName = "archive-ext";

    /// <summary><c>contains_refs</c> (required): This property specifies the files that are contained in the archive (section 6.7.2).</summary>
    public IReadOnlyList<string> ContainsRefs => GetStrings("contains_refs");

    /// <summary><c>comment</c>: Specifies a comment included as part of the archive file (section 6.7.2).</summary>
    public string? Comment => GetString("comment");
}
