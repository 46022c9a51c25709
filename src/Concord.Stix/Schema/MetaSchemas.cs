// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Stix.Validation;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>
/// The schemas of the STIX Meta Objects (section 7): language-content, marking-definition and
/// extension-definition. The shared core comes from <see cref="CommonProperties"/>; each schema
/// completes it from its "Required/Optional/Not Applicable Common Properties" table.
/// </summary>
internal static partial class MetaSchemas
{
    private static readonly TimestampType VersionTimestamp = new(MillisecondPrecision: true);

    /// <summary>The values of definition_type that section 7.2.1 defines.</summary>
    private static readonly Vocabulary DefinitionTypes = new("marking-definition-type", "7.2.1", "statement", "tlp");

    /// <summary>The four standard TLP 1.0 marking definitions of section 7.2.1.4, by TLP level.</summary>
    private static readonly Dictionary<string, (string Id, string Name)> StandardTlp = new(StringComparer.Ordinal)
    {
        ["white"] = ("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE"),
        ["green"] = ("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN"),
        ["amber"] = ("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER"),
        ["red"] = ("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED"),
    };

    /// <summary>The created timestamp shared by the standard TLP marking definitions.</summary>
    private const string StandardTlpCreated = "2017-01-20T00:00:00.000Z";

    public static IEnumerable<ObjectSchema> All => [LanguageContent, MarkingDefinition, ExtensionDefinition];

    /// <summary>The Statement marking object (section 7.2.1.3), the definition of a <c>statement</c> marking.</summary>
    public static ObjectSchema StatementMarking { get; } = ObjectSchema.Embedded("statement", "7.2.1.3")
        .Required("statement", Text)
        .Build();

    /// <summary>The TLP marking object (section 7.2.1.4), the definition of a <c>tlp</c> marking.</summary>
    public static ObjectSchema TlpMarking { get; } = ObjectSchema.Embedded("tlp", "7.2.1.4")
        .Required("tlp", Text)
        .Build();

    /// <summary>language-content (section 7.1): <c>contents</c> maps language codes to dictionaries of translated properties.</summary>
    public static ObjectSchema LanguageContent { get; } = ObjectSchema.For("language-content", ObjectCategory.Meta, "7.1")
        .Required("modified", VersionTimestamp)
        .Optional("revoked", Bool)
        .Optional("labels", StringList)
        .Optional("confidence", IntegerRange(0, 100))
        .Optional("extensions", new ExtensionsType())
        .Required("object_ref", Ref(ObjectCategory.Any))
        .Optional("object_modified", Timestamp)
        .Required("contents", new DictionaryType(new DictionaryType()))
        .Rule(ctx =>
        {
            if (!ctx.TryGet("contents", out var contents) || contents.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var language in contents.EnumerateObject())
            {
                if (!LanguageTag().IsMatch(language.Name))
                {
                    ctx.Report(StixRules.LanguageContentKey, JsonPaths.Property("contents", language.Name), $"expected an RFC 5646 language code such as \"de\" or \"zh-Hans\", found \"{language.Name}\"");
                }
            }
        })
        .Build();

    /// <summary>
    /// marking-definition (section 7.2.1): a deprecated definition_type/definition pair (statement or
    /// TLP 1.0), or an extension such as the TLP 2.0 marking extension.
    /// </summary>
    public static ObjectSchema MarkingDefinition { get; } = ObjectSchema.For("marking-definition", ObjectCategory.Meta, "7.2.1")
        .Optional("extensions", new ExtensionsType())
        .Optional("name", Text)
        .Deprecated("definition_type", OpenVocab(DefinitionTypes))
        .Deprecated("definition", Any)
        .Rule(CheckMarkingDefinitionPresent)
        .Rule(CheckMarkingDefinitionContent)
        .Rule(CheckTlpMarking)
        .Build();

    /// <summary>extension-definition (section 7.3).</summary>
    public static ObjectSchema ExtensionDefinition { get; } = ObjectSchema.For("extension-definition", ObjectCategory.Meta, "7.3")
        .Required("created_by_ref", Ref("identity"))
        .Required("modified", VersionTimestamp)
        .Optional("revoked", Bool)
        .Optional("labels", StringList)
        .Required("name", Text)
        .Optional("description", Text)
        .Required("schema", Text)
        .Required("version", Text)
        .Required("extension_types", ListOf(Enum(Vocabularies.ExtensionType)))
        .Optional("extension_properties", StringList)
        .Rule(ctx =>
        {
            if (!ctx.TryGet("extension_types", out var types) || types.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var toplevel = types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "toplevel-property-extension");
            var hasProperties = ctx.Has("extension_properties");
            if (hasProperties && !toplevel)
            {
                ctx.Report(StixRules.ExtensionPropertiesUsage, "extension_properties", "expected no extension_properties, since extension_types does not include toplevel-property-extension, but it is present");
            }
            else if (toplevel && !hasProperties)
            {
                ctx.Report(StixRules.ToplevelExtensionProperties, "extension_properties", "expected extension_properties naming the top-level properties, since extension_types includes toplevel-property-extension, but it is absent");
            }
        })
        .Build();

    /// <summary>Without extensions, definition_type and definition MUST be present (section 7.2.1).</summary>
    private static void CheckMarkingDefinitionPresent(ObjectRuleContext ctx)
    {
        if (ctx.Has("extensions"))
        {
            return;
        }

        foreach (var name in (ReadOnlySpan<string>)["definition_type", "definition"])
        {
            if (!ctx.Has(name))
            {
                ctx.Report(StixRules.RequiredProperty, name, $"expected {name}, which a marking definition without extensions must have, but it is absent");
            }
        }
    }

    /// <summary>definition is the Statement or TLP marking object that definition_type names.</summary>
    private static void CheckMarkingDefinitionContent(ObjectRuleContext ctx)
    {
        if (!ctx.TryGetString("definition_type", out var definitionType) || !ctx.TryGet("definition", out var definition))
        {
            return;
        }

        var schema = definitionType switch
        {
            "statement" => StatementMarking,
            "tlp" => TlpMarking,
            _ => null,
        };
        if (schema is null)
        {
            return;
        }

        if (definition.ValueKind != JsonValueKind.Object)
        {
            ctx.Report(StixRules.MarkingDefinitionContent, "definition", $"expected a {schema.TypeName} marking object for definition_type \"{definitionType}\", found {Describe(definition)}");
            return;
        }

        foreach (var name in schema.RequiredProperties)
        {
            if (!definition.TryGetProperty(name, out var value))
            {
                ctx.Report(StixRules.MarkingDefinitionContent, "definition", $"expected the {name} property of a {schema.TypeName} marking object (definition_type \"{definitionType}\"), but it is absent");
            }
            else if (value.ValueKind != JsonValueKind.String)
            {
                ctx.Report(StixRules.MarkingDefinitionContent, JsonPaths.Property("definition", name), $"expected {name} to be a string, found {Describe(value)}");
            }
        }
    }

    /// <summary>Only the four standard TLP marking definitions may exist (section 7.2.1.4).</summary>
    private static void CheckTlpMarking(ObjectRuleContext ctx)
    {
        ctx.TryGetString("id", out var id);
        ctx.TryGetString("definition_type", out var definitionType);
        if (definitionType != "tlp")
        {
            var level = StandardTlp.FirstOrDefault(s => s.Value.Id == id);
            if (level.Key is not null)
            {
                ctx.Report(StixRules.TlpMarking, "id", $"expected the standard TLP:{level.Key.ToUpperInvariant()} marking definition (definition_type \"tlp\") for the id {id}, found a different marking");
            }

            return;
        }

        if (!ctx.TryGet("definition", out var definition) || definition.ValueKind != JsonValueKind.Object
            || !definition.TryGetProperty("tlp", out var tlpValue) || tlpValue.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var tlp = tlpValue.GetString()!;
        if (!StandardTlp.TryGetValue(tlp, out var standard))
        {
            ctx.Report(StixRules.TlpMarking, "definition.tlp", $"expected one of the TLP levels white, green, amber, red, found \"{tlp}\"");
            return;
        }

        if (id != standard.Id)
        {
            ctx.Report(StixRules.TlpMarking, "id", $"expected the id of the standard {standard.Name} marking definition, {standard.Id}, found \"{id}\"");
        }

        if (ctx.TryGetString("created", out var created) && StixTimestamp.TryParse(created, out var createdTime) && createdTime != StixTimestamp.Parse(StandardTlpCreated))
        {
            ctx.Report(StixRules.TlpMarking, "created", $"expected the created time of the standard {standard.Name} marking definition, {StandardTlpCreated}, found {created}");
        }

        if (ctx.TryGetString("name", out var name) && name != standard.Name)
        {
            ctx.Report(StixRules.TlpMarking, "name", $"expected the name of the standard TLP marking definition, \"{standard.Name}\", found \"{name}\"");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>RFC 5646 well-formedness: a primary subtag (2–8 letters, or x/i) and subtags of 1–8 letters and digits.</summary>
    [GeneratedRegex("^([A-Za-z]{2,8}|[xXiI])(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
