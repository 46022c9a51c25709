// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;

namespace Concord.Taxii.Tests.Support;

/// <summary>Valid STIX 2.1 objects for tests.</summary>
internal static class StixObjects
{
    public static string NewId(string type) => $"{type}--{Guid.NewGuid():D}";

    public static string Timestamp(int second, int millisecond = 0) =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(second).AddMilliseconds(millisecond).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonElement Indicator(string? id = null, string? modified = null, string created = "2024-01-01T00:00:00.000Z", string name = "test indicator")
    {
        var json = $$"""
            {"type":"indicator","spec_version":"2.1","id":"{{id ?? NewId("indicator")}}","created":"{{created}}","modified":"{{modified ?? created}}","name":"{{name}}","indicator_types":["malicious-activity"],"pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}
            """;
        return Parse(json);
    }

    public static JsonElement Malware(string? id = null) => Parse($$"""
        {"type":"malware","spec_version":"2.1","id":"{{id ?? NewId("malware")}}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Bad","is_family":true}
        """);

    public static JsonElement Ipv4(string value) => Parse($$"""
        {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--{{Guid.NewGuid():D}}","value":"{{value}}"}
        """);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static byte[] Envelope(IEnumerable<JsonElement> objects)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("objects");
            foreach (var item in objects)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
