// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Course of Action: a recommendation to prevent or respond to an attack (section 4.3.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class CourseOfAction(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>course-of-action</c> (section 4.3.1).</summary>
    public const string TypeName = "course-of-action";

    /// <summary><c>name</c> (required): A name used to identify the Course of Action (section 4.3.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Course of Action, potentially including its purpose and its key characteristics (section 4.3.1).</summary>
    public string? Description => GetString("description");
}
