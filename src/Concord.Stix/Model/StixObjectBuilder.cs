// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concord.Stix.Model;

/// <summary>
/// Writes a new STIX object, or a new version of an existing one, and returns its typed view.
/// </summary>
/// <remarks>
/// The builder checks only the JSON shape, not the specification's rules: validate the result.
/// New objects get <c>spec_version</c> <c>2.1</c> (section 3.2). A builder is not thread-safe;
/// the objects it builds are immutable.
/// </remarks>
/// <example><code>
/// var sighting = new StixObjectBuilder("sighting").WithNewId()
///     .SetTimestamp("created", now).SetTimestamp("modified", now)
///     .Set("sighting_of_ref", indicator.Id).Set("count", 3)
///     .Build();
/// </code></example>
public sealed class StixObjectBuilder
{
    private readonly JsonObject properties;

    /// <summary>Starts a new object of a type, with <c>type</c> and <c>spec_version</c> set.</summary>
    /// <param name="type">The STIX type name, e.g. <c>indicator</c>.</param>
    /// <exception cref="ArgumentException">The type is empty.</exception>
    public StixObjectBuilder(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        properties = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
        };
    }

    private StixObjectBuilder(JsonObject properties) => this.properties = properties;

    /// <summary>The type of the object being built.</summary>
    public string Type => properties["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    /// <summary>
    /// Starts from a copy of every property of an existing object, custom ones included: to write a
    /// new version (section 3.6), change what changes and set <c>modified</c> later than the original's.
    /// </summary>
    /// <param name="existing">The object to copy.</param>
    /// <exception cref="ArgumentException">The object's JSON has a property twice.</exception>
    public static StixObjectBuilder From(StixObject existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return new StixObjectBuilder(JsonNode.Parse(existing.Json.GetRawText())!.AsObject());
    }

    /// <summary>Sets <c>id</c> to a new identifier <c>type--UUIDv4</c> (section 2.9).</summary>
    /// <exception cref="InvalidOperationException">The builder has no type.</exception>
    public StixObjectBuilder WithNewId()
    {
        var type = Type;
        if (type.Length == 0)
        {
            throw new InvalidOperationException("The object has no type to build an identifier from.");
        }

        properties["id"] = $"{type}--{Guid.NewGuid():D}";
        return this;
    }

    /// <summary>Sets a string property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public StixObjectBuilder Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Put(name, JsonValue.Create(value));
    }

    /// <summary>Sets an integer property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public StixObjectBuilder Set(string name, long value) => Put(name, JsonValue.Create(value));

    /// <summary>Sets a float property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value; it must be finite, as JSON has no NaN or infinity.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public StixObjectBuilder Set(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A JSON number is finite.");
        }

        return Put(name, JsonValue.Create(value));
    }

    /// <summary>Sets a boolean property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public StixObjectBuilder Set(string name, bool value) => Put(name, JsonValue.Create(value));

    /// <summary>Sets a list-of-string property (e.g. <c>labels</c>, <c>object_refs</c>).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="values">The values.</param>
    public StixObjectBuilder Set(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            array.Add((JsonNode)JsonValue.Create(value));
        }

        return Put(name, array);
    }

    /// <summary>Sets a property to any JSON value (e.g. an embedded object, a dictionary, a list of objects).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value, copied.</param>
    public StixObjectBuilder Set(string name, JsonElement value) => Put(name, JsonNode.Parse(value.GetRawText()));

    /// <summary>Sets a timestamp property, keeping the timestamp's text exactly.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The timestamp.</param>
    public StixObjectBuilder SetTimestamp(string name, StixTimestamp value) => Set(name, value.Text);

    /// <summary>Sets a timestamp property with millisecond precision (section 2.16, 3.2).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The instant; converted to UTC.</param>
    public StixObjectBuilder SetTimestamp(string name, DateTimeOffset value) => SetTimestamp(name, StixTimestamp.FromInstant(value));

    /// <summary>Removes a property, if present.</summary>
    /// <param name="name">The property name.</param>
    public StixObjectBuilder Remove(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        properties.Remove(name);
        return this;
    }

    /// <summary>Writes the object and returns its typed view, over a private copy of the JSON.</summary>
    /// <remarks>The builder can be changed and built again; earlier results do not change.</remarks>
    public StixObject Build()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            properties.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return StixObject.FromJson(document.RootElement.Clone());
    }

    private StixObjectBuilder Put(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        properties[name] = value;
        return this;
    }
}
