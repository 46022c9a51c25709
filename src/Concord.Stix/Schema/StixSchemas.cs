// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Frozen;

namespace Concord.Stix.Schema;

/// <summary>The registry of every object type, embedded type and predefined extension of STIX 2.1.</summary>
/// <remarks>Built once on first use; thread-safe.</remarks>
public static class StixSchemas
{
    private static readonly FrozenDictionary<string, ObjectSchema> Objects =
        DomainSchemas.All.Concat(RelationshipSchemas.All).Concat(ObservableSchemas.All).Concat(MetaSchemas.All)
            .ToFrozenDictionary(s => s.TypeName, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ObjectSchema>.AlternateLookup<ReadOnlySpan<char>> ObjectLookup = Objects.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, PredefinedExtension> Extensions =
        ExtensionSchemas.All.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>The bundle (section 8).</summary>
    public static ObjectSchema Bundle { get; } = ObjectSchema.For("bundle", ObjectCategory.Bundle, "8")
        .Optional("objects", new ListType(new AnyType()))
        .Deprecated("spec_version", PropertyTypes.Text)
        .Build();

    /// <summary>Every top-level object type defined by the specification.</summary>
    public static IEnumerable<ObjectSchema> All => Objects.Values;

    /// <summary>Every predefined extension.</summary>
    public static IEnumerable<PredefinedExtension> PredefinedExtensions => Extensions.Values;

    /// <summary>Finds the schema of a type defined by the specification.</summary>
    /// <param name="type">The type name.</param>
    /// <returns>The schema, or null for custom and unknown types.</returns>
    public static ObjectSchema? Find(string type) => Objects.GetValueOrDefault(type);

    /// <summary>The category of a type defined by the specification, or <see cref="ObjectCategory.None"/> for others.</summary>
    /// <param name="type">The type name.</param>
    public static ObjectCategory CategoryOf(string type) => CategoryOf(type.AsSpan());

    /// <summary>The category of a type defined by the specification, or <see cref="ObjectCategory.None"/> for others.</summary>
    /// <param name="type">The type name.</param>
    public static ObjectCategory CategoryOf(ReadOnlySpan<char> type) => ObjectLookup.TryGetValue(type, out var schema) ? schema.Category : ObjectCategory.None;

    /// <summary>Finds a predefined extension by its extensions key.</summary>
    /// <param name="name">The key, e.g. <c>archive-ext</c>.</param>
    public static PredefinedExtension? FindExtension(string name) => Extensions.GetValueOrDefault(name);
}
