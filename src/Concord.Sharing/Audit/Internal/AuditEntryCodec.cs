// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Stix.Identifiers;

namespace Concord.Sharing.Audit.Internal;

/// <summary>
/// The byte encoding of entries (docs/audit.md): each line is the RFC 8785 (JCS) canonical form of the entry without
/// <c>hash</c>, with <c>,"hash":"…"</c> added before the closing brace; the hash is the SHA-256 of that canonical form.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class AuditEntryCodec
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>
    /// Canonicalizes the members an event fixes (everything but <c>seq</c>, <c>time</c> and <c>prev</c>), on the
    /// appending thread so that the single writer only concatenates and hashes.
    /// </summary>
    public static EncodedEvent Encode(AuditEvent auditEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (auditEvent.Objects.Count * 96));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", auditEvent.Kind.ToName());
            if (auditEvent.Actor is { } actor)
            {
                writer.WriteStartObject("actor");
                writer.WriteString("type", actor.Type.ToName());
                writer.WriteString("name", actor.Name);
                writer.WriteEndObject();
            }

            if (auditEvent.Organization is { } organization)
            {
                writer.WriteStartObject("organization");
                writer.WriteString("id", organization.Id.ToString("D"));
                writer.WriteString("name", organization.Name);
                writer.WriteEndObject();
            }

            WriteOptional(writer, "channel", auditEvent.Channel);
            WriteOptional(writer, "reason", auditEvent.Reason);
            if (auditEvent.Objects.Count > 0)
            {
                writer.WriteStartArray("objects");
                foreach (var reference in auditEvent.Objects)
                {
                    WriteObjectRef(writer, reference);
                }

                writer.WriteEndArray();
            }

            if (auditEvent.Details is { } details)
            {
                writer.WritePropertyName("details");
                details.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var members = new List<KeyValuePair<string, string>>(8);
        JsonElement? detailsElement = null;
        foreach (var member in document.RootElement.EnumerateObject())
        {
            members.Add(new(member.Name, JsonCanonicalizer.Canonicalize(member.Value)));
            if (member.NameEquals("details"))
            {
                detailsElement = member.Value.Clone();
            }
        }

        return new EncodedEvent(auditEvent, members, detailsElement);
    }

    /// <summary>Completes an entry: adds <c>seq</c>, <c>time</c> and <c>prev</c>, hashes it and appends its line to <paramref name="output"/>.</summary>
    public static AuditEntry Seal(EncodedEvent encoded, long seq, DateTimeOffset time, string prev, ArrayBufferWriter<byte> output)
    {
        var utc = new DateTimeOffset(time.UtcDateTime.Ticks - (time.UtcDateTime.Ticks % 10), TimeSpan.Zero);
        var members = new List<KeyValuePair<string, string>>(encoded.Members.Count + 3)
        {
            new("seq", seq.ToString(CultureInfo.InvariantCulture)),
            new("time", "\"" + FormatTime(utc) + "\""),
            new("prev", "\"" + prev + "\""),
        };
        members.AddRange(encoded.Members);
        var body = Assemble(members);
        var hash = Sha256Hex(body);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        output.Write(bodyBytes.AsSpan(0, bodyBytes.Length - 1));
        output.Write(Encoding.ASCII.GetBytes(",\"hash\":\"" + hash + "\"}\n"));
        var e = encoded.Event;
        return new AuditEntry
        {
            Seq = seq,
            Time = utc,
            Kind = e.Kind,
            Actor = e.Actor,
            Organization = e.Organization,
            Channel = e.Channel,
            Objects = e.Objects,
            Reason = e.Reason,
            Details = encoded.Details,
            Prev = prev,
            Hash = hash,
        };
    }

    /// <summary>The hash an entry must carry: SHA-256 of the canonical form of its members other than <c>hash</c>.</summary>
    public static string ComputeHash(JsonElement entry)
    {
        var members = new List<KeyValuePair<string, string>>();
        foreach (var member in entry.EnumerateObject())
        {
            if (!member.NameEquals("hash"))
            {
                members.Add(new(member.Name, JsonCanonicalizer.Canonicalize(member.Value)));
            }
        }

        return Sha256Hex(Assemble(members));
    }

    /// <summary>The message a checkpoint signs: the sequence number and hash of the entry before it (docs/audit.md).</summary>
    public static byte[] CheckpointMessage(long signedSeq, string signedHash) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"concord-audit-checkpoint/1\n{signedSeq}\n{signedHash}"));

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    // RFC 8785 section 3.2.3: members sorted by the UTF-16 code units of their names. The names are the format's own
    // lower-case ASCII names (a reader rejects any other before hashing), so they need no escaping.
    private static string Assemble(List<KeyValuePair<string, string>> members)
    {
        members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder(members.Sum(m => m.Key.Length + m.Value.Length + 4) + 2);
        builder.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('"').Append(members[i].Key).Append("\":").Append(members[i].Value);
        }

        return builder.Append('}').ToString();
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteObjectRef(Utf8JsonWriter writer, AuditObjectRef reference)
    {
        writer.WriteStartObject();
        writer.WriteString("id", reference.Id);
        WriteOptional(writer, "version", reference.Version);
        WriteOptional(writer, "outcome", reference.Outcome);
        if (reference.Paths is { } paths)
        {
            writer.WriteStartArray("paths");
            foreach (var path in paths)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

/// <summary>An event whose fixed members are canonicalized, waiting for its sequence number.</summary>
internal sealed record EncodedEvent(AuditEvent Event, IReadOnlyList<KeyValuePair<string, string>> Members, JsonElement? Details);
