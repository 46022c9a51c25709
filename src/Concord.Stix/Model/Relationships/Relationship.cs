// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Relationships;

/// <summary>A Relationship: a link between two SDOs or SCOs describing how they are related (section 5.1.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Relationship(JsonElement json) : RelationshipObject(json)
{
    /// <summary>The STIX type name, <c>relationship</c> (section 5.1.2).</summary>
    public const string TypeName = "relationship";

    /// <summary><c>relationship_type</c> (required): The name used to identify the type of Relationship (section 5.1.2).</summary>
    public string? RelationshipType => GetString("relationship_type");

    /// <summary><c>description</c>: A description that provides more details and context about the Relationship, potentially including its purpose and its key characteristics (section 5.1.2).</summary>
    public string? Description => GetString("description");

    /// <summary><c>source_ref</c> (required): The id of the source (from) object (section 5.1.2).</summary>
    public string? SourceRef => GetString("source_ref");

    /// <summary><c>target_ref</c> (required): The id of the target (to) object (section 5.1.2).</summary>
    public string? TargetRef => GetString("target_ref");

    /// <summary><c>start_time</c>: This optional timestamp represents the earliest time at which the Relationship between the objects exists (section 5.1.2).</summary>
    public StixTimestamp? StartTime => GetTimestamp("start_time");

    /// <summary><c>stop_time</c>: The latest time at which the Relationship between the objects exists (section 5.1.2).</summary>
    public StixTimestamp? StopTime => GetTimestamp("stop_time");
}
