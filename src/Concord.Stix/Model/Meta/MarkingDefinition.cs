// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Meta;

/// <summary>
/// A Marking Definition: a handling or sharing marking (section 7.2.1). Marking definitions are not
/// versioned: they have <c>created</c> but no <c>modified</c>.
/// </summary>
/// <param name="json">The JSON object.</param>
public sealed class MarkingDefinition(JsonElement json) : StixObject(json)
{
    /// <summary>The STIX type name, <c>marking-definition</c> (section 7.2.1).</summary>
    public const string TypeName = "marking-definition";

    /// <summary><c>created_by_ref</c>: the id of the identity that created this marking (section 7.2.1.1).</summary>
    public string? CreatedByRef => GetString("created_by_ref");

    /// <summary><c>created</c> (required): the time this marking definition was created (section 7.2.1.1).</summary>
    public StixTimestamp? Created => GetTimestamp("created");

    /// <summary><c>external_references</c>: references to non-STIX information (section 7.2.1.1).</summary>
    public IReadOnlyList<ExternalReference> ExternalReferences => GetObjects("external_references", e => new ExternalReference(e));

    /// <summary><c>name</c>: a name used to identify the Marking Definition (section 7.2.1.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>definition_type</c> (deprecated): <c>statement</c> or <c>tlp</c> (section 7.2.1.1).</summary>
    public string? DefinitionType => GetString("definition_type");

    /// <summary><c>definition</c> (deprecated): the raw marking object, or null when absent (section 7.2.1.1).</summary>
    public JsonElement? Definition => TryGetProperty("definition", out var e) ? e : null;

    /// <summary>The <c>definition</c> as a Statement marking, when <c>definition_type</c> is <c>statement</c> (section 7.2.1.3).</summary>
    public StatementMarking? StatementDefinition =>
        DefinitionType == "statement" ? GetObject("definition", e => new StatementMarking(e)) : null;

    /// <summary>The <c>definition</c> as a TLP 1.0 marking, when <c>definition_type</c> is <c>tlp</c> (section 7.2.1.4).</summary>
    public TlpMarking? TlpDefinition =>
        DefinitionType == "tlp" ? GetObject("definition", e => new TlpMarking(e)) : null;

    /// <summary>The <c>tlp_2_0</c> value of the TLP 2.0 extension (e.g. <c>amber+strict</c>), or null (TLP 2.0 extension-definition).</summary>
    public string? Tlp2 =>
        Extensions.TryGetValue(TlpMarkings.Tlp2ExtensionDefinitionId, out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty(TlpMarkings.Tlp2PropertyName, out var level) && level.ValueKind == JsonValueKind.String
            ? level.GetString()
            : null;

    /// <summary>The TLP level when this is one of the standard TLP 1.0 or 2.0 marking-definitions, recognised by id (section 7.2.1.4).</summary>
    public TlpLevel? TlpLevel => TlpMarkings.LevelOf(Id);
}
