// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>The predefined extensions of section 6.</summary>
internal static class ExtensionSchemas
{
    public static IEnumerable<PredefinedExtension> All => [];
}
