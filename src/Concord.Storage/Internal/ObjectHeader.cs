// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix;

namespace Concord.Storage.Internal;

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
                var name = reader.GetString()!;
                reader.Read();
                if (!IsIndexed(name))
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    error = $"The property '{name}' is not a string.";
                    return false;
                }

                var value = reader.GetString();
                switch (name)
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

    private static bool IsIndexed(string name) => name is "id" or "type" or "spec_version" or "modified" or "created";
}
