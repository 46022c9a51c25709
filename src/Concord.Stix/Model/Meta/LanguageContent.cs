// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Meta;

/// <summary>A Language Content: translations of the text properties of another object (section 7.1.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class LanguageContent(JsonElement json) : VersionedObject(json)
{
    /// <summary>The STIX type name, <c>language-content</c> (section 7.1.1).</summary>
    public const string TypeName = "language-content";

    /// <summary><c>object_ref</c> (required): The object_ref property identifies the id of the object that this Language Content applies to (section 7.1.1).</summary>
    public string? ObjectRef => GetString("object_ref");

    /// <summary><c>object_modified</c>: The object_modified property identifies the modified time of the object that this Language Content applies to (section 7.1.1).</summary>
    public StixTimestamp? ObjectModified => GetTimestamp("object_modified");

    /// <summary><c>contents</c> (required): The contents property contains the actual Language Content (translation) (section 7.1.1).</summary>
    public IReadOnlyDictionary<string, JsonElement> Contents => GetDictionary("contents");
}
