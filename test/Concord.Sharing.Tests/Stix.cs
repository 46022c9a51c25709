// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Markings;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing.Tests;

/// <summary>Builds object versions with the markings, recipients and free text a test needs.</summary>
internal static class Stix
{
    public static JsonObject Object(string type = "indicator", TlpLevel? level = null, string? description = null)
    {
        var obj = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = $"{type}--{Guid.NewGuid():D}",
            ["created"] = "2024-01-01T00:00:00.000Z",
            ["modified"] = "2024-01-01T00:00:00.000Z",
            ["name"] = "test " + type,
        };
        if (type == "indicator")
        {
            obj["pattern"] = "[ipv4-addr:value = '198.51.100.1']";
            obj["pattern_type"] = "stix";
            obj["valid_from"] = "2024-01-01T00:00:00Z";
        }

        if (level is { } marked)
        {
            obj["object_marking_refs"] = new JsonArray(TlpMarkings.Tlp2IdOf(marked));
        }

        if (description is not null)
        {
            obj["description"] = description;
        }

        return obj;
    }

    public static JsonObject Granular(this JsonObject obj, TlpLevel level, params string[] selectors)
    {
        if (obj["granular_markings"] is not JsonArray markings)
        {
            obj["granular_markings"] = markings = [];
        }

        markings.Add(new JsonObject { ["marking_ref"] = TlpMarkings.Tlp2IdOf(level), ["selectors"] = new JsonArray([.. selectors.Select(s => (JsonNode)s)]) });
        return obj;
    }

    public static JsonObject Recipients(this JsonObject obj, params Guid[] organizations)
    {
        obj["extensions"] = new JsonObject
        {
            [ConcordRecipients.ExtensionDefinitionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                [ConcordRecipients.PropertyName] = new JsonArray([.. organizations.Select(o => (JsonNode)o.ToString("D"))]),
            },
        };
        return obj;
    }

    public static ObjectVersion Version(this JsonObject obj) =>
        new((string)obj["id"]!, (string)obj["type"]!, obj["modified"]?.GetValue<string>() ?? "2024-01-01T00:00:00.000Z", Encoding.UTF8.GetBytes(obj.ToJsonString()));

    public static JsonObject Parse(ReadOnlyMemory<byte> json) => JsonNode.Parse(json.Span)!.AsObject();

    public static JsonElement Element(JsonObject obj) => JsonDocument.Parse(obj.ToJsonString()).RootElement;
}
