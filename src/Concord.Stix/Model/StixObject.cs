// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Schema;

namespace Concord.Stix.Model;

/// <summary>
/// A top-level STIX object: SDO, SRO, SCO, meta object, or a custom object (section 3.2 common properties).
/// </summary>
/// <remarks>Create views with <see cref="FromJson(JsonElement)"/>. Immutable and thread-safe.</remarks>
public abstract class StixObject : StixElement
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    protected StixObject(JsonElement json)
        : base(json)
    {
    }

    /// <summary>The <c>type</c> property (empty when missing).</summary>
    public string Type => GetString("type") ?? string.Empty;

    /// <summary>The <c>id</c> property (empty when missing).</summary>
    public string Id => GetString("id") ?? string.Empty;

    /// <summary>The <c>spec_version</c> property.</summary>
    public string? SpecVersion => GetString("spec_version");

    /// <summary>The kind of object; <see cref="ObjectCategory.None"/> for custom objects.</summary>
    public ObjectCategory Category => StixSchemas.CategoryOf(Type);

    /// <summary>The <c>object_marking_refs</c> property.</summary>
    public IReadOnlyList<string> ObjectMarkingRefs => GetStrings("object_marking_refs");

    /// <summary>The <c>granular_markings</c> property.</summary>
    public IReadOnlyList<GranularMarking> GranularMarkings => GetObjects("granular_markings", e => new GranularMarking(e));

    /// <summary>The <c>extensions</c> property: extension name or extension-definition id to the extension body.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions => GetDictionary("extensions");

    /// <summary>Creates the typed view of a JSON object according to its <c>type</c>.</summary>
    /// <param name="json">The JSON object (it must outlive the view).</param>
    /// <returns>The typed view; <see cref="CustomObject"/> for types the specification does not define.</returns>
    /// <exception cref="ArgumentException">The value is not a JSON object.</exception>
    public static StixObject FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A STIX object is a JSON object, not {json.ValueKind}.", nameof(json));
        }

        // System.Text.Json searches properties from the last one, and type is usually first: look forward.
        var type = string.Empty;
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals("type"u8))
            {
                type = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty;
                break;
            }
        }

        return StixObjectFactory.Create(type, json);
    }
}
