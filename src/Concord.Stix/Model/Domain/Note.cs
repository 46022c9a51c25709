// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Note: analyst-contributed text that adds context to other STIX Objects (section 4.13.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Note(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>note</c> (section 4.13.1).</summary>
    public const string TypeName = "note";

    /// <summary><c>abstract</c>: A brief summary of the note content (section 4.13.1).</summary>
    public string? Abstract => GetString("abstract");

    /// <summary><c>content</c> (required): The content of the note (section 4.13.1).</summary>
    public string? Content => GetString("content");

    /// <summary><c>authors</c>: The name of the author(s) of this note (e.g., the analyst(s) that created it) (section 4.13.1).</summary>
    public IReadOnlyList<string> Authors => GetStrings("authors");

    /// <summary><c>object_refs</c> (required): The STIX Objects that the note is being applied to (section 4.13.1).</summary>
    public IReadOnlyList<string> ObjectRefs => GetStrings("object_refs");
}
