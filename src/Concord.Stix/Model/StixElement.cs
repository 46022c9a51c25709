// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>
/// A typed, read-only view over a JSON object of STIX content. The JSON is the source of truth:
/// every property — defined, custom or unknown — is kept, so serialization gives back exactly the
/// value that was parsed. Typed accessors return null (or empty) when a property is absent or has
/// the wrong JSON type; the validator reports such content, the model never throws on it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class StixElement
{
    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object; it must outlive this view (use a cloned or long-lived element).</param>
    protected StixElement(JsonElement json) => Json = json;

    /// <summary>The underlying JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>Gets the raw value of any property, including custom ones.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value when present.</param>
    public bool TryGetProperty(string name, out JsonElement value)
    {
        if (Json.ValueKind == JsonValueKind.Object)
        {
            return Json.TryGetProperty(name, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Writes the element exactly as parsed.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer) => Json.WriteTo(writer);

    /// <summary>Serializes the element to compact JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    /// <summary>A string property, or null.</summary>
    /// <param name="name">The property name.</param>
    protected string? GetString(string name) =>
        TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    /// <summary>A boolean property, or null.</summary>
    /// <param name="name">The property name.</param>
    protected bool? GetBoolean(string name) =>
        TryGetProperty(name, out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;

    /// <summary>An integer property, or null.</summary>
    /// <param name="name">The property name.</param>
    protected long? GetInt64(string name) =>
        TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : null;

    /// <summary>A float property, or null.</summary>
    /// <param name="name">The property name.</param>
    protected double? GetDouble(string name) =>
        TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    /// <summary>A timestamp property, or null when absent or malformed.</summary>
    /// <param name="name">The property name.</param>
    protected StixTimestamp? GetTimestamp(string name) =>
        StixTimestamp.TryParse(GetString(name), out var t) ? t : null;

    /// <summary>A list-of-string property; empty when absent.</summary>
    /// <param name="name">The property name.</param>
    protected IReadOnlyList<string> GetStrings(string name)
    {
        if (!TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    /// <summary>A list of embedded objects; empty when absent.</summary>
    /// <typeparam name="T">The view type.</typeparam>
    /// <param name="name">The property name.</param>
    /// <param name="create">Creates a view over one item.</param>
    protected IReadOnlyList<T> GetObjects<T>(string name, Func<JsonElement, T> create)
    {
        if (!TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<T>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                list.Add(create(item));
            }
        }

        return list;
    }

    /// <summary>An embedded object, or null.</summary>
    /// <typeparam name="T">The view type.</typeparam>
    /// <param name="name">The property name.</param>
    /// <param name="create">Creates the view.</param>
    protected T? GetObject<T>(string name, Func<JsonElement, T> create)
        where T : class =>
        TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object ? create(e) : null;

    /// <summary>A dictionary of strings (e.g. hashes); empty when absent.</summary>
    /// <param name="name">The property name.</param>
    protected IReadOnlyDictionary<string, string> GetStringDictionary(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    result[p.Name] = p.Value.GetString()!;
                }
            }
        }

        return result;
    }

    /// <summary>A dictionary whose values are lists of strings (e.g. header fields); empty when absent.</summary>
    /// <param name="name">The property name.</param>
    protected IReadOnlyDictionary<string, IReadOnlyList<string>> GetStringListDictionary(string name)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                {
                    var list = new List<string>(p.Value.GetArrayLength());
                    foreach (var item in p.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            list.Add(item.GetString()!);
                        }
                    }

                    result[p.Name] = list;
                }
            }
        }

        return result;
    }

    /// <summary>A dictionary of integers (e.g. socket options); empty when absent.</summary>
    /// <param name="name">The property name.</param>
    protected IReadOnlyDictionary<string, long> GetInt64Dictionary(string name)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var v))
                {
                    result[p.Name] = v;
                }
            }
        }

        return result;
    }

    /// <summary>A dictionary of raw values; empty when absent.</summary>
    /// <param name="name">The property name.</param>
    protected IReadOnlyDictionary<string, JsonElement> GetDictionary(string name)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                result[p.Name] = p.Value;
            }
        }

        return result;
    }
}
