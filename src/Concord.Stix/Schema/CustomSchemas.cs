// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;

namespace Concord.Stix.Schema;

/// <summary>Schemas for objects whose type the specification does not define.</summary>
internal static class CustomSchemas
{
    private static readonly ConcurrentDictionary<ObjectSchema, ObjectSchema> ContainerVariants = new();

    /// <summary>
    /// A deprecated custom object (section 11.2): it supports the SDO common properties, which are
    /// checked when present; only type and id are demanded, as the specification's own example shows.
    /// </summary>
    public static ObjectSchema Deprecated { get; } = ObjectSchema.For("custom object", ObjectCategory.Domain, "11.2")
        .Optional("spec_version", PropertyTypes.Text)
        .Optional("created", new TimestampType(MillisecondPrecision: true))
        .Optional("modified", new TimestampType(MillisecondPrecision: true))
        .Build();

    private static readonly ObjectSchema NewDomain = ObjectSchema.For("new SDO type", ObjectCategory.Domain, "7.3").Build();
    private static readonly ObjectSchema NewRelationship = ObjectSchema.For("new SRO type", ObjectCategory.Relationship, "7.3").Build();
    private static readonly ObjectSchema NewObservable = ObjectSchema.For("new SCO type", ObjectCategory.Observable, "7.3").Build();

    /// <summary>An object of a type defined through an extension-definition (section 7.3): the common properties of its category apply in full.</summary>
    public static ObjectSchema ForExtensionType(ObjectCategory category) => category switch
    {
        ObjectCategory.Relationship => NewRelationship,
        ObjectCategory.Observable => NewObservable,
        _ => NewDomain,
    };

    /// <summary>The variant of an SCO schema for the deprecated observable container (section 2.13), where objects have no id.</summary>
    public static ObjectSchema ContainerVariant(ObjectSchema schema) =>
        ContainerVariants.GetOrAdd(schema, s => s.Derive().Optional("id", PropertyTypes.Text).Build());
}
