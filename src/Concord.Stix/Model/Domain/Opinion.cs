// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Opinion: an assessment of the correctness of the information in other STIX Objects (section 4.15.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Opinion(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>opinion</c> (section 4.15.1).</summary>
    public const string TypeName = "opinion";

    /// <summary><c>explanation</c>: An explanation of why the producer has this Opinion (section 4.15.1).</summary>
    public string? Explanation => GetString("explanation");

    /// <summary><c>authors</c>: The name of the author(s) of this Opinion (e.g., the analyst(s) that created it) (section 4.15.1).</summary>
    public IReadOnlyList<string> Authors => GetStrings("authors");

    /// <summary><c>opinion</c> (required): The opinion that the producer has about all of the STIX Object(s) listed in the object_refs property (section 4.15.1).</summary>
    public string? OpinionValue => GetString("opinion");

    /// <summary><c>object_refs</c> (required): The STIX Objects that the Opinion is being applied to (section 4.15.1).</summary>
    public IReadOnlyList<string> ObjectRefs => GetStrings("object_refs");
}
