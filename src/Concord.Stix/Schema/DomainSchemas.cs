// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>The schemas of section Domain.</summary>
internal static class DomainSchemas
{
    public static IEnumerable<ObjectSchema> All => [];
}
