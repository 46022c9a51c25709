// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Grouping: a set of STIX Objects asserted to be related to a shared context (section 4.4.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Grouping(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>grouping</c> (section 4.4.1).</summary>
    public const string TypeName = "grouping";

    /// <summary><c>name</c> (required): A name used to identify the Grouping (section 4.4.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Grouping, potentially including its purpose and its key characteristics (section 4.4.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>context</c> (required): A short descriptor of the particular context shared by the content referenced by the Grouping (section 4.4.1).</summary>
    public string? Context => GetString("context");

    /// <summary><c>object_refs</c> (required): Specifies the STIX Objects that are referred to by this Grouping (section 4.4.1).</summary>
    public IReadOnlyList<string> ObjectRefs => GetStrings("object_refs");
}
