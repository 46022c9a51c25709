// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>The schemas of section Relationship.</summary>
internal static class RelationshipSchemas
{
    public static IEnumerable<ObjectSchema> All => [];
}
