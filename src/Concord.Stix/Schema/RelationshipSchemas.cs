// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Stix.Validation;
using Concord.Stix.Validation.Internal;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>The schemas of the STIX Relationship Objects (section 5).</summary>
internal static partial class RelationshipSchemas
{
    public static IEnumerable<ObjectSchema> All => [Relationship, Sighting];

    /// <summary>relationship (section 5.1).</summary>
    public static ObjectSchema Relationship { get; } = ObjectSchema.For("relationship", ObjectCategory.Relationship, "5.1")
        .Required("relationship_type", Text)
        .Optional("description", Text)
        .Required("source_ref", Ref(ObjectCategory.Domain | ObjectCategory.Observable))
        .Required("target_ref", Ref(ObjectCategory.Domain | ObjectCategory.Observable))
        .Optional("start_time", Timestamp)
        .Optional("stop_time", Timestamp)
        .Rule(ctx =>
        {
            Span<char> buffer = stackalloc char[JsonText.BufferSize];
            if (ctx.TryGet("relationship_type", out var type) && type.ValueKind == JsonValueKind.String
                && JsonText.Value(type, buffer) is var relationshipType && !RelationshipTypeName().IsMatch(relationshipType))
            {
                ctx.Report(StixRules.RelationshipTypeFormat, "relationship_type", $"expected only the ASCII characters a-z, 0-9 and hyphen, found \"{relationshipType}\"");
            }

            if (ctx.TryGetTimestamp("start_time", out var start) && ctx.TryGetTimestamp("stop_time", out var stop) && stop <= start)
            {
                ctx.Report(StixRules.RelationshipTimeWindow, "stop_time", $"expected stop_time later than start_time {start}, found {stop}");
            }
        })
        .Build();

    /// <summary>sighting (section 5.2).</summary>
    public static ObjectSchema Sighting { get; } = ObjectSchema.For("sighting", ObjectCategory.Relationship, "5.2")
        .Optional("description", Text)
        .Optional("first_seen", Timestamp)
        .Optional("last_seen", Timestamp)
        .Optional("count", IntegerRange(0, 999_999_999))
        .Required("sighting_of_ref", Ref(ObjectCategory.Domain))
        .Optional("observed_data_refs", Refs("observed-data"))
        .Optional("where_sighted_refs", Refs("identity", "location"))
        // The table gives "string", but the description's default value (false) and the example of
        // section 2.2 show a boolean, as do the OASIS schemas: a string would reject every producer.
        .Optional("summary", Bool)
        .Rule(ctx =>
        {
            if (ctx.TryGetTimestamp("first_seen", out var first) && ctx.TryGetTimestamp("last_seen", out var last) && last < first)
            {
                ctx.Report(StixRules.SightingWindow, "last_seen", $"expected last_seen at or after first_seen {first}, found {last}");
            }
        })
        .Build();

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RelationshipTypeName();
}
