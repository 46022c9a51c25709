// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>The schemas of section Meta.</summary>
internal static class MetaSchemas
{
    public static IEnumerable<ObjectSchema> All => [];
}
