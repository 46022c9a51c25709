// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>The top-level properties the store indexes, read from an object's raw JSON without building a DOM.</summary>
internal readonly record struct ObjectHeader(string Id, string Type, string SpecVersion, StixTimestamp? Version)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    public static bool TryRead(ReadOnlySpan<byte> json, out ObjectHeader header, out string? error)
    {
        header = default;
        string? id = null, type = null, specVersion = null, modified = null, created = null;
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "The object is not a JSON object.";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Names are compared as UTF-8 in place: only the five indexed values become strings.
                var property = Indexed(ref reader);
                reader.Read();
                if (property is null)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    error = $"The property '{property}' is not a string.";
                    return false;
                }

                var value = reader.GetString();
                switch (property)
                {
                    case "id":
                        id = value;
                        break;
                    case "type":
                        type = value;
                        break;
                    case "spec_version":
                        specVersion = value;
                        break;
                    case "modified":
                        modified = value;
                        break;
                    default:
                        created = value;
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = "The object is not a single JSON object.";
                return false;
            }
        }
        catch (JsonException)
        {
            error = "The object is not well-formed JSON.";
            return false;
        }

        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            error = "The object has no 'id' or no 'type'.";
            return false;
        }

        StixTimestamp? version = null;
        foreach (var (name, value) in new[] { ("modified", modified), ("created", created) })
        {
            if (value is null)
            {
                continue;
            }

            if (!StixTimestamp.TryParse(value, out var timestamp))
            {
                error = $"The property '{name}' is not a STIX timestamp.";
                return false;
            }

            version ??= timestamp;
        }

        header = new ObjectHeader(id, type, specVersion ?? (created is null ? "2.1" : "2.0"), version);
        error = null;
        return true;
    }

    /// <summary>The name of the property at <paramref name="reader"/> when the store indexes it, else null.</summary>
    private static string? Indexed(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? "id"
        : reader.ValueTextEquals("type"u8) ? "type"
        : reader.ValueTextEquals("spec_version"u8) ? "spec_version"
        : reader.ValueTextEquals("modified"u8) ? "modified"
        : reader.ValueTextEquals("created"u8) ? "created"
        : null;
}
