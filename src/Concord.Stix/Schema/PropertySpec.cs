// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>One row of a specification property table.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Type">Its STIX data type.</param>
/// <param name="Required">Whether the property MUST be present.</param>
/// <param name="Deprecated">Whether the specification marks the property deprecated (use is a warning).</param>
public sealed record PropertySpec(string Name, PropertyType Type, bool Required, bool Deprecated = false);
