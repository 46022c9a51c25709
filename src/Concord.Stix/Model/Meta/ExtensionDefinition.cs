// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Meta;

/// <summary>An Extension Definition: the schema and metadata of a STIX Extension (section 7.3.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class ExtensionDefinition(JsonElement json) : VersionedObject(json)
{
    /// <summary>The STIX type name, <c>extension-definition</c> (section 7.3.1).</summary>
    public const string TypeName = "extension-definition";

    /// <summary><c>name</c> (required): A name used for display purposes during execution, development, or debugging (section 7.3.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A detailed explanation of what data the extension conveys and how it is intended to be used (section 7.3.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>schema</c> (required): The normative definition of the extension, either as a URL or as plain text explaining the definition (section 7.3.1).</summary>
    public string? Schema => GetString("schema");

    /// <summary><c>version</c> (required): The version of this extension (section 7.3.1).</summary>
    public string? Version => GetString("version");

    /// <summary><c>extension_types</c> (required): This property specifies one or more extension types contained within this extension (section 7.3.1).</summary>
    public IReadOnlyList<string> ExtensionTypes => GetStrings("extension_types");

    /// <summary><c>extension_properties</c>: This property contains the list of new property names that are added to an object by an extension (section 7.3.1).</summary>
    public IReadOnlyList<string> ExtensionProperties => GetStrings("extension_properties");
}
