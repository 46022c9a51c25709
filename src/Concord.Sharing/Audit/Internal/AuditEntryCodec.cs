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
    /// <remarks>
    /// The members the format defines are written in their RFC 8785 form directly: their names are ordered here (section
    /// 3.2.3) and their strings escaped as section 3.2.2.2 says, so a disclosure of 1,000 versions is not written, parsed and
    /// canonicalised again. Only <c>details</c>, free JSON of any shape, goes through the general canonicalizer.
    /// </remarks>
    public static EncodedEvent Encode(AuditEvent auditEvent)
    {
        var members = new List<Member>(8) { new("kind", Canonical(auditEvent.Kind.ToName())) };
        if (auditEvent.Actor is { } actor)
        {
            members.Add(new("actor", new StringBuilder().Append("{\"name\":").AppendString(actor.Name).Append(",\"type\":").AppendString(actor.Type.ToName()).Append('}').ToString()));
        }

        if (auditEvent.Organization is { } organization)
        {
            members.Add(new("organization", new StringBuilder().Append("{\"id\":").AppendString(organization.Id.ToString("D")).Append(",\"name\":").AppendString(organization.Name).Append('}').ToString()));
        }

        AddOptional(members, "channel", auditEvent.Channel);
        AddOptional(members, "reason", auditEvent.Reason);
        if (auditEvent.Objects is AuditObjectRefList { Count: > 0 } encoded)
        {
            members.Add(new("objects", null, encoded));
        }
        else if (auditEvent.Objects.Count > 0)
        {
            members.Add(new("objects", ObjectRefs(auditEvent.Objects)));
        }

        JsonElement? details = null;
        if (auditEvent.Details is { } node)
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            details = document.RootElement.Clone();
            members.Add(new("details", JsonCanonicalizer.Canonicalize(details.Value)));
        }

        return new EncodedEvent(auditEvent, members, details);
    }

    /// <summary>Completes an entry: adds <c>seq</c>, <c>time</c> and <c>prev</c>, hashes it and appends its line to <paramref name="output"/>.</summary>
    public static AuditEntry Seal(EncodedEvent encoded, long seq, DateTimeOffset time, string prev, ArrayBufferWriter<byte> output)
    {
        var utc = new DateTimeOffset(time.UtcDateTime.Ticks - (time.UtcDateTime.Ticks % 10), TimeSpan.Zero);
        var members = new List<Member>(encoded.Members.Count + 3)
        {
            new("seq", seq.ToString(CultureInfo.InvariantCulture)),
            new("time", "\"" + FormatTime(utc) + "\""),
            new("prev", "\"" + prev + "\""),
        };
        members.AddRange(encoded.Members);
        members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        // The canonical form goes straight into the batch buffer (reused from batch to batch), without its closing brace,
        // which the hash covers and the line replaces with the hash member: no copy of a large entry is allocated.
        var start = output.WrittenCount;
        for (var i = 0; i < members.Count; i++)
        {
            WriteUtf8(output, i == 0 ? "{\"" : ",\"");
            WriteUtf8(output, members[i].Key);
            WriteUtf8(output, "\":");
            if (members[i].Objects is { } objects)
            {
                // Written in their canonical form as they were added (AuditObjectRefList).
                output.Write("["u8);
                objects.WriteCanonical(output);
                output.Write("]"u8);
            }
            else
            {
                WriteUtf8(output, members[i].Value!);
            }
        }

        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(output.WrittenSpan[start..]);
        sha256.AppendData("}"u8);
        var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
        WriteUtf8(output, ",\"hash\":\"" + hash + "\"}\n");
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

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Assemble(members))));
    }

    /// <summary>The message a checkpoint signs: the sequence number and hash of the entry before it (docs/audit.md).</summary>
    public static byte[] CheckpointMessage(long signedSeq, string signedHash) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"concord-audit-checkpoint/1\n{signedSeq}\n{signedHash}"));

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string Assemble(List<KeyValuePair<string, string>> members)
    {
        members.Sort(ByName);
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

    // RFC 8785 section 3.2.3: members sorted by the UTF-16 code units of their names. The names are the format's own
    // lower-case ASCII names (a reader rejects any other before hashing), so they need no escaping.
    private static int ByName(KeyValuePair<string, string> a, KeyValuePair<string, string> b) => string.CompareOrdinal(a.Key, b.Key);

    private static void WriteUtf8(ArrayBufferWriter<byte> output, string text) =>
        output.Advance(Encoding.UTF8.GetBytes(text, output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));

    // Members in RFC 8785 order: id, outcome, paths, version.
    private static string ObjectRefs(IReadOnlyList<AuditObjectRef> references)
    {
        var builder = new StringBuilder(references.Count * 100);
        builder.Append('[');
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            builder.Append(i == 0 ? "{\"id\":" : ",{\"id\":").AppendString(reference.Id);
            if (reference.Outcome is { } outcome)
            {
                builder.Append(",\"outcome\":").AppendString(outcome);
            }

            if (reference.Paths is { } paths)
            {
                builder.Append(",\"paths\":[");
                for (var p = 0; p < paths.Count; p++)
                {
                    builder.Append(p == 0 ? string.Empty : ",").AppendString(paths[p]);
                }

                builder.Append(']');
            }

            if (reference.Version is { } version)
            {
                builder.Append(",\"version\":").AppendString(version);
            }

            builder.Append('}');
        }

        return builder.Append(']').ToString();
    }

    private static void AddOptional(List<Member> members, string name, string? value)
    {
        if (value is not null)
        {
            members.Add(new(name, Canonical(value)));
        }
    }

    private static string Canonical(string value) => new StringBuilder(value.Length + 2).AppendString(value).ToString();

    // RFC 8785 section 3.2.2.2.
    private static StringBuilder AppendString(this StringBuilder builder, string value)
    {
        JsonCanonicalizer.WriteString(value, builder);
        return builder;
    }
}

/// <summary>An event whose fixed members are canonicalized, waiting for its sequence number.</summary>
internal sealed record EncodedEvent(AuditEvent Event, IReadOnlyList<Member> Members, JsonElement? Details);

/// <summary>One member of an entry in its canonical form: its JSON text, or the object versions written as they were added.</summary>
/// <param name="Key">The member's name.</param>
/// <param name="Value">Its canonical JSON; null for <paramref name="Objects"/>.</param>
/// <param name="Objects">The object versions, already canonical.</param>
internal readonly record struct Member(string Key, string? Value, AuditObjectRefList? Objects = null);
