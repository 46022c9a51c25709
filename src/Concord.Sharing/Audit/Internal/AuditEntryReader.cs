// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;

namespace Concord.Sharing.Audit.Internal;

/// <summary>Reads one entry's JSON object into an <see cref="AuditEntry"/>, checking every member's type (docs/audit.md).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class AuditEntryReader
{
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "seq", "time", "kind", "actor", "organization", "channel", "objects", "reason", "details", "prev", "hash",
    };

    /// <summary>The entry, or null with <paramref name="error"/> naming the member and what is wrong with it.</summary>
    public static AuditEntry? Read(JsonElement root, out string? error)
    {
        try
        {
            error = null;
            return Read(root);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static AuditEntry Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"an entry is a JSON object, not {root.ValueKind}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            if (!Members.Contains(member.Name))
            {
                throw new FormatException($"unknown member '{member.Name}'");
            }

            if (!seen.Add(member.Name))
            {
                throw new FormatException($"member '{member.Name}' appears twice");
            }
        }

        var kindName = RequiredString(root, "kind");
        if (!AuditEntryKinds.TryParse(kindName, out var kind))
        {
            throw new FormatException($"$.kind: unknown kind '{kindName}'");
        }

        var seqElement = Required(root, "seq");
        if (seqElement.ValueKind != JsonValueKind.Number || !seqElement.TryGetInt64(out var seq) || seq < 1)
        {
            throw new FormatException("$.seq must be an integer of at least 1");
        }

        var timeText = RequiredString(root, "time");
        if (!DateTimeOffset.TryParseExact(timeText, AuditEntryCodec.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException($"$.time '{timeText}' is not a UTC time of the form {AuditEntryCodec.TimeFormat}");
        }

        return new AuditEntry
        {
            Seq = seq,
            Time = time,
            Kind = kind.Value,
            Actor = root.TryGetProperty("actor", out var actor) ? ReadActor(actor) : null,
            Organization = root.TryGetProperty("organization", out var organization) ? ReadOrganization(organization) : null,
            Channel = OptionalString(root, "channel"),
            Objects = root.TryGetProperty("objects", out var objects) ? ReadObjects(objects) : [],
            Reason = OptionalString(root, "reason"),
            Details = root.TryGetProperty("details", out var details)
                ? details.ValueKind == JsonValueKind.Object ? details.Clone() : throw new FormatException("$.details must be an object")
                : null,
            Prev = Hash(root, "prev"),
            Hash = Hash(root, "hash"),
        };
    }

    private static AuditActor ReadActor(JsonElement actor)
    {
        ExpectObject(actor, "$.actor", "type", "name");
        var typeName = RequiredString(actor, "type", "$.actor");
        return AuditActorTypes.TryParse(typeName, out var type)
            ? new AuditActor(type, RequiredString(actor, "name", "$.actor"))
            : throw new FormatException($"$.actor.type: unknown actor type '{typeName}'");
    }

    private static AuditOrganization ReadOrganization(JsonElement organization)
    {
        ExpectObject(organization, "$.organization", "id", "name");
        var idText = RequiredString(organization, "id", "$.organization");
        return Guid.TryParseExact(idText, "D", out var id)
            ? new AuditOrganization(id, RequiredString(organization, "name", "$.organization"))
            : throw new FormatException($"$.organization.id '{idText}' is not a UUID");
    }

    private static List<AuditObjectRef> ReadObjects(JsonElement objects)
    {
        if (objects.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("$.objects must be an array");
        }

        var result = new List<AuditObjectRef>(objects.GetArrayLength());
        var index = 0;
        foreach (var item in objects.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.objects[{index++}]");
            ExpectObject(item, path, "id", "version", "outcome", "paths");
            IReadOnlyList<string>? paths = null;
            if (item.TryGetProperty("paths", out var pathsElement))
            {
                paths = pathsElement.ValueKind == JsonValueKind.Array && pathsElement.EnumerateArray().All(p => p.ValueKind == JsonValueKind.String)
                    ? pathsElement.EnumerateArray().Select(p => p.GetString()!).ToList()
                    : throw new FormatException($"{path}.paths must be an array of strings");
            }

            result.Add(new AuditObjectRef(RequiredString(item, "id", path), OptionalString(item, "version", path))
            {
                Outcome = OptionalString(item, "outcome", path),
                Paths = paths,
            });
        }

        return result;
    }

    private static void ExpectObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} must be an object");
        }

        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, member.Name) < 0)
            {
                throw new FormatException($"{path}: unknown member '{member.Name}'");
            }
        }
    }

    private static JsonElement Required(JsonElement parent, string name, string path = "$") =>
        parent.TryGetProperty(name, out var value) ? value : throw new FormatException($"{path}.{name} is missing");

    private static string RequiredString(JsonElement parent, string name, string path = "$") =>
        OptionalString(parent, name, path) ?? throw new FormatException($"{path}.{name} is missing");

    private static string? OptionalString(JsonElement parent, string name, string path = "$")
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{path}.{name} must be a string");
    }

    private static string Hash(JsonElement root, string name)
    {
        var text = RequiredString(root, name);
        return text.Length == 64 && text.All(char.IsAsciiHexDigitLower) ? text : throw new FormatException($"$.{name} must be 64 lower-case hexadecimal digits");
    }
}
