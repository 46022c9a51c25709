// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Stix;
using Concord.Stix.Identifiers;

namespace Concord.Detection;

/// <summary>
/// Maps plain telemetry events (one JSON object with an <c>event</c> member) to STIX observed-data with
/// SCOs, so that common telemetry can be fed to detection without writing STIX.
/// </summary>
/// <remarks>
/// <para>Every event has <c>event</c> (the kind), <c>time</c> (a timestamp; optional <c>end</c> for the
/// end of a flow), and optional <c>count</c> (number_observed). The kinds and their mapping:</para>
/// <list type="table">
/// <listheader><term>event</term><description>members → SCOs</description></listheader>
/// <item><term><c>flow</c></term><description><c>src_ip</c>, <c>dst_ip</c> (IPv4 or IPv6) → ipv4-addr / ipv6-addr;
/// with <c>src_port</c>, <c>dst_port</c>, <c>protocol</c> (or <c>protocols</c>), <c>bytes_out</c>, <c>bytes_in</c> → network-traffic
/// (<c>src_ref</c>, <c>dst_ref</c>, <c>src_port</c>, <c>dst_port</c>, <c>protocols</c>, <c>src_byte_count</c>, <c>dst_byte_count</c>).</description></item>
/// <item><term><c>dns</c></term><description><c>query</c> → domain-name (<c>value</c>); <c>answers</c> (addresses) → ipv4-addr / ipv6-addr in its <c>resolves_to_refs</c>.</description></item>
/// <item><term><c>http</c></term><description><c>url</c> → url (<c>value</c>); <c>host</c> → domain-name.</description></item>
/// <item><term><c>file</c></term><description><c>name</c>, <c>size</c>, <c>md5</c>, <c>sha1</c>, <c>sha256</c>, <c>sha512</c> → file
/// (<c>name</c>, <c>size</c>, <c>hashes</c> with keys <c>MD5</c>, <c>SHA-1</c>, <c>SHA-256</c>, <c>SHA-512</c>).</description></item>
/// <item><term><c>process</c></term><description><c>pid</c>, <c>command_line</c>, <c>cwd</c> → process; <c>image</c> (a file name) → file in its <c>image_ref</c>.</description></item>
/// </list>
/// <para>SCO ids are deterministic (section 2.9); the observed-data id is a UUIDv5 of the event's JSON text,
/// so the same event always maps to the same ids. Thread-safe.</para>
/// </remarks>
public static class TelemetryEvents
{
    private static readonly Guid EventNamespace = new("7b0f1c52-6a49-5c3e-9d2a-3f3e8e5f0c11");

    /// <summary>Maps an event to a bundle holding one observed-data and its SCOs.</summary>
    /// <param name="telemetryEvent">The event object.</param>
    /// <returns>The bundle; the caller disposes it.</returns>
    /// <exception cref="FormatException">The event has no known kind, no valid time, or lacks the members its kind needs.</exception>
    public static JsonDocument Map(JsonElement telemetryEvent)
    {
        if (telemetryEvent.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an event is a JSON object");
        }

        var kind = Text(telemetryEvent, "event") ?? throw new FormatException("the event has no \"event\" kind");
        if (!StixTimestamp.TryParse(Text(telemetryEvent, "time"), out var time))
        {
            throw new FormatException("the event has no valid \"time\" timestamp");
        }

        var end = StixTimestamp.TryParse(Text(telemetryEvent, "end"), out var e) ? e : time;
        if (end < time)
        {
            throw new FormatException("the event's \"end\" is earlier than its \"time\"");
        }

        var scos = new List<JsonObject>();
        switch (kind)
        {
            case "flow":
                MapFlow(telemetryEvent, scos);
                break;
            case "dns":
                var query = Text(telemetryEvent, "query") ?? throw new FormatException("a dns event needs \"query\"");
                var answers = Strings(telemetryEvent, "answers").Select(a => Address(a, scos)).ToList();
                var domain = new JsonObject { ["type"] = "domain-name", ["value"] = query };
                if (answers.Count > 0)
                {
                    domain["resolves_to_refs"] = new JsonArray([.. answers.Select(a => (JsonNode?)JsonValue.Create(a))]);
                }

                Add(domain, scos);
                break;
            case "http":
                var url = Text(telemetryEvent, "url") ?? throw new FormatException("an http event needs \"url\"");
                Add(new JsonObject { ["type"] = "url", ["value"] = url }, scos);
                if (Text(telemetryEvent, "host") is { } host)
                {
                    Add(new JsonObject { ["type"] = "domain-name", ["value"] = host }, scos);
                }

                break;
            case "file":
                Add(MapFile(telemetryEvent), scos);
                break;
            case "process":
                var process = new JsonObject { ["type"] = "process" };
                CopyNumber(telemetryEvent, "pid", process, "pid");
                CopyText(telemetryEvent, "command_line", process, "command_line");
                CopyText(telemetryEvent, "cwd", process, "cwd");
                if (Text(telemetryEvent, "image") is { } image)
                {
                    process["image_ref"] = Add(new JsonObject { ["type"] = "file", ["name"] = image }, scos);
                }

                if (process.Count == 1)
                {
                    throw new FormatException("a process event needs \"pid\", \"command_line\", \"cwd\" or \"image\"");
                }

                process["id"] = "process--" + DeterministicId.Uuid5(EventNamespace, telemetryEvent.GetRawText()).ToString();
                scos.Add(process);
                break;
            default:
                throw new FormatException($"unknown event kind \"{kind}\" (flow, dns, http, file or process)");
        }

        var count = telemetryEvent.TryGetProperty("count"u8, out var n) && n.TryGetInt64(out var c) && c >= 1 ? c : 1;
        var observedData = new JsonObject
        {
            ["type"] = "observed-data",
            ["spec_version"] = "2.1",
            ["id"] = "observed-data--" + DeterministicId.Uuid5(EventNamespace, telemetryEvent.GetRawText()).ToString(),
            ["created"] = time.Text,
            ["modified"] = time.Text,
            ["first_observed"] = time.Text,
            ["last_observed"] = end.Text,
            ["number_observed"] = count,
            ["object_refs"] = new JsonArray([.. scos.Select(s => (JsonNode?)JsonValue.Create((string)s["id"]!))]),
        };
        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = "bundle--" + DeterministicId.Uuid5(EventNamespace, "bundle " + telemetryEvent.GetRawText()).ToString(),
            ["objects"] = new JsonArray([observedData, .. scos]),
        };
        return JsonDocument.Parse(bundle.ToJsonString());
    }

    private static void MapFlow(JsonElement telemetryEvent, List<JsonObject> scos)
    {
        var traffic = new JsonObject { ["type"] = "network-traffic" };
        if (Text(telemetryEvent, "src_ip") is { } source)
        {
            traffic["src_ref"] = Address(source, scos);
        }

        if (Text(telemetryEvent, "dst_ip") is { } destination)
        {
            traffic["dst_ref"] = Address(destination, scos);
        }

        if (traffic.Count == 1)
        {
            throw new FormatException("a flow event needs \"src_ip\" or \"dst_ip\"");
        }

        CopyNumber(telemetryEvent, "src_port", traffic, "src_port");
        CopyNumber(telemetryEvent, "dst_port", traffic, "dst_port");
        CopyNumber(telemetryEvent, "bytes_out", traffic, "src_byte_count");
        CopyNumber(telemetryEvent, "bytes_in", traffic, "dst_byte_count");
        var protocols = Strings(telemetryEvent, "protocols").Concat(Text(telemetryEvent, "protocol") is { } p ? [p] : [])
            .Select(x => x.ToLowerInvariant()).ToList();
        traffic["protocols"] = new JsonArray([.. (protocols.Count == 0 ? ["ipv4"] : protocols).Select(x => (JsonNode?)JsonValue.Create(x))]);
        Add(traffic, scos);
    }

    private static JsonObject MapFile(JsonElement telemetryEvent)
    {
        var file = new JsonObject { ["type"] = "file" };
        CopyText(telemetryEvent, "name", file, "name");
        CopyNumber(telemetryEvent, "size", file, "size");
        var hashes = new JsonObject();
        CopyText(telemetryEvent, "md5", hashes, "MD5");
        CopyText(telemetryEvent, "sha1", hashes, "SHA-1");
        CopyText(telemetryEvent, "sha256", hashes, "SHA-256");
        CopyText(telemetryEvent, "sha512", hashes, "SHA-512");
        if (hashes.Count > 0)
        {
            file["hashes"] = hashes;
        }

        if (file.Count == 1)
        {
            throw new FormatException("a file event needs \"name\", \"size\" or a hash");
        }

        return file;
    }

    /// <summary>Adds an ipv4-addr or ipv6-addr for an address and returns its id.</summary>
    private static string Address(string address, List<JsonObject> scos) =>
        Add(new JsonObject { ["type"] = address.Contains(':', StringComparison.Ordinal) ? "ipv6-addr" : "ipv4-addr", ["value"] = address }, scos);

    /// <summary>Gives an SCO its deterministic id and adds it once.</summary>
    private static string Add(JsonObject sco, List<JsonObject> scos)
    {
        using var document = JsonDocument.Parse(sco.ToJsonString());
        var id = DeterministicId.Compute(document.RootElement)
            ?? $"{(string)sco["type"]!}--{DeterministicId.Uuid5(EventNamespace, sco.ToJsonString())}";
        if (!scos.Any(s => (string?)s["id"] == id))
        {
            sco["id"] = id;
            scos.Add(sco);
        }

        return id;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];

    private static void CopyText(JsonElement from, string name, JsonObject to, string target)
    {
        if (Text(from, name) is { } value)
        {
            to[target] = value;
        }
    }

    private static void CopyNumber(JsonElement from, string name, JsonObject to, string target)
    {
        if (!from.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0)
        {
            to[target] = number;
        }
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            to[target] = number;
        }
        else
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"\"{name}\" is not a non-negative integer"));
        }
    }
}
