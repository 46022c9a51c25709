// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Stix.Schema;

namespace Concord.Stix.Identifiers;

/// <summary>
/// Deterministic SCO identifiers (STIX 2.1 sections 2.9 and 3.4): a UUIDv5 in the STIX namespace
/// over the RFC 8785 canonical JSON of the SCO's ID contributing properties.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class DeterministicId
{
    /// <summary>The STIX UUIDv5 namespace, <c>00abedb4-aa42-466c-9c01-fed23315a9b7</c>.</summary>
    public static readonly Guid StixNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    // Section 6.1 and 6.7: "include only one hash", chosen in this order of preference.
    private static readonly string[] HashPreference = ["MD5", "SHA-1", "SHA-256", "SHA-512"];

    /// <summary>Computes the deterministic id of an SCO.</summary>
    /// <param name="sco">The SCO as JSON; its <c>type</c> must be a specification-defined SCO.</param>
    /// <returns>The identifier, or null when the type is not an SCO with ID contributing properties or none of them is present (a UUIDv4 is then required).</returns>
    public static string? Compute(JsonElement sco)
    {
        if (sco.ValueKind != JsonValueKind.Object || !sco.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var type = typeElement.GetString()!;
        var schema = StixSchemas.Find(type);
        return schema is null || schema.Category != ObjectCategory.Observable ? null : Compute(sco, type, schema.IdContributingProperties);
    }

    internal static string? Compute(JsonElement sco, string type, IReadOnlyList<string> contributing)
    {
        var name = CanonicalName(sco, contributing);
        return name is null ? null : $"{type}--{Uuid5(StixNamespace, name):D}";
    }

    /// <summary>The canonical JSON of the present contributing properties, or null when none is present.</summary>
    internal static string? CanonicalName(JsonElement sco, IReadOnlyList<string> contributing)
    {
        var present = new List<(string Name, JsonElement Value)>();
        foreach (var property in contributing)
        {
            if (sco.TryGetProperty(property, out var value))
            {
                present.Add((property, value));
            }
        }

        if (present.Count == 0)
        {
            return null;
        }

        present.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var builder = new StringBuilder("{");
        for (var i = 0; i < present.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            JsonCanonicalizer.WriteString(present[i].Name, builder);
            builder.Append(':');
            if (present[i].Name == "hashes" && present[i].Value.ValueKind == JsonValueKind.Object)
            {
                WriteOneHash(present[i].Value, builder);
            }
            else
            {
                JsonCanonicalizer.Write(present[i].Value, builder);
            }
        }

        return builder.Append('}').ToString();
    }

    /// <summary>An RFC 4122 section 4.3 name-based UUID with SHA-1 (version 5).</summary>
    /// <param name="namespaceId">The namespace.</param>
    /// <param name="name">The name, encoded as UTF-8.</param>
    public static Guid Uuid5(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 4122 UUIDv5 is defined over SHA-1; it is an identifier, not a security use.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static void WriteOneHash(JsonElement hashes, StringBuilder builder)
    {
        JsonProperty? chosen = null;
        foreach (var preferred in HashPreference)
        {
            foreach (var p in hashes.EnumerateObject())
            {
                if (p.Name == preferred)
                {
                    chosen = p;
                    break;
                }
            }

            if (chosen is not null)
            {
                break;
            }
        }

        foreach (var first in hashes.EnumerateObject())
        {
            chosen ??= first;
            break;
        }

        builder.Append('{');
        if (chosen is { } hash)
        {
            JsonCanonicalizer.WriteString(hash.Name, builder);
            builder.Append(':');
            JsonCanonicalizer.Write(hash.Value, builder);
        }

        builder.Append('}');
    }
}
