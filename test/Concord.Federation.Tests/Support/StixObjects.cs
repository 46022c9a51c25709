// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json.Nodes;
using Concord.Sharing.Markings;
using Concord.Stix.Model.Meta;

namespace Concord.Federation.Tests.Support;

/// <summary>Builds the indicators the tests exchange.</summary>
internal static class StixObjects
{
    public static JsonObject Indicator(TlpLevel? level = TlpLevel.Green, string? description = null, int address = 1)
    {
        var indicator = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = $"indicator--{Guid.NewGuid():D}",
            ["created"] = "2024-01-01T00:00:00.000Z",
            ["modified"] = "2024-01-01T00:00:00.000Z",
            ["name"] = "C2 server",
            ["pattern"] = $"[ipv4-addr:value = '198.51.{(address / 256).ToString(CultureInfo.InvariantCulture)}.{(address % 256).ToString(CultureInfo.InvariantCulture)}']",
            ["pattern_type"] = "stix",
            ["valid_from"] = "2024-01-01T00:00:00Z",
        };
        if (level is { } marked)
        {
            indicator["object_marking_refs"] = new JsonArray(TlpMarkings.Tlp2IdOf(marked));
        }

        if (description is not null)
        {
            indicator["description"] = description;
        }

        return indicator;
    }

    public static JsonObject NamingRecipients(this JsonObject obj, params Guid[] organizations)
    {
        obj["extensions"] = new JsonObject
        {
            [ConcordRecipients.ExtensionDefinitionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                [ConcordRecipients.PropertyName] = new JsonArray([.. organizations.Select(id => (JsonNode)id.ToString("D"))]),
            },
        };
        return obj;
    }

    public static string[] Json(params JsonObject[] objects) => [.. objects.Select(obj => obj.ToJsonString())];
}
