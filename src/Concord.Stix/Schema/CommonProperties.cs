// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>
/// The common properties of section 3.2, per category, as its summary table gives them. Meta
/// objects differ one from another, so only their shared core is added here and each meta schema
/// completes its own.
/// </summary>
internal static class CommonProperties
{
    public static void AddTo(ObjectSchema.Builder builder, ObjectCategory category)
    {
        switch (category)
        {
            case ObjectCategory.Domain or ObjectCategory.Relationship:
                AddCore(builder);
                builder.Optional("created_by_ref", Ref("identity"))
                    .Required("created", new TimestampType(MillisecondPrecision: true))
                    .Required("modified", new TimestampType(MillisecondPrecision: true))
                    .Optional("revoked", Bool)
                    .Optional("labels", StringList)
                    .Optional("confidence", IntegerRange(0, 100))
                    .Optional("lang", Text)
                    .Optional("external_references", ListOf(Embedded(CommonSchemas.ExternalReference)))
                    .Optional("extensions", new ExtensionsType());
                break;
            case ObjectCategory.Observable:
                builder.Required("type", Text)
                    .Optional("spec_version", Text)
                    .Required("id", Text)
                    .Optional("object_marking_refs", Refs("marking-definition"))
                    .Optional("granular_markings", ListOf(Embedded(CommonSchemas.GranularMarking)))
                    .Optional("defanged", Bool)
                    .Optional("extensions", new ExtensionsType());
                break;
            case ObjectCategory.Meta:
                AddCore(builder);
                builder.Optional("created_by_ref", Ref("identity"))
                    .Required("created", new TimestampType(MillisecondPrecision: true))
                    .Optional("external_references", ListOf(Embedded(CommonSchemas.ExternalReference)));
                break;
            case ObjectCategory.Bundle:
                builder.Required("type", Text).Required("id", Text);
                break;
            default:
                break;
        }
    }

    private static void AddCore(ObjectSchema.Builder builder) =>
        builder.Required("type", Text)
            .Required("spec_version", Text)
            .Required("id", Text)
            .Optional("object_marking_refs", Refs("marking-definition"))
            .Optional("granular_markings", ListOf(Embedded(CommonSchemas.GranularMarking)));
}
