// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Sharing.Markings;
using Concord.Sharing.PersonalData;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing.Policy;

/// <summary>
/// What the decision point needs from an object version that has nothing to redact, read in one forward pass of a
/// <see cref="Utf8JsonReader"/> over the stored bytes instead of a <see cref="JsonDocument"/>: the TLP level of
/// <c>object_marking_refs</c>, the TLP levels of <c>granular_markings</c>, the named recipients (<see cref="ConcordRecipients"/>),
/// and whether the personal-data guard could find anything.
/// </summary>
/// <remarks>
/// <para>The scan reads exactly what <see cref="ObjectMarkings.Read"/> and <see cref="PersonalData.PersonalDataGuard.Inspect"/>
/// read, and gives up (<see cref="TryRead"/> returns false, the caller parses the document) whenever their answer could differ
/// from a plain reading or could need a redaction: a root that is not an object, a property the markings read that occurs twice
/// where they look for it (a DOM look-up and a forward reader could pick different ones), an object the guard withholds as a
/// whole, and a free-text string holding a character that an e-mail or telephone match needs (<c>@</c>, <c>+</c>, <c>(</c>,
/// <c>tel:</c>). The reader's options are <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>'s
/// defaults, so it accepts and rejects the same texts.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class ObjectScan
{
    private static readonly byte[] ExtensionDefinitionId = Encoding.UTF8.GetBytes(ConcordRecipients.ExtensionDefinitionId);

    private static readonly byte[] RecipientsProperty = Encoding.UTF8.GetBytes(ConcordRecipients.PropertyName);

    /// <summary>Reads the markings of an object version when nothing in it needs the document.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <param name="type">The stored type.</param>
    /// <param name="markings">The markings; granular markings by their level only (their selectors matter only to a
    /// granular marking the recipient is refused, and the caller then parses the document).</param>
    /// <returns>False when the caller must decide on the parsed document.</returns>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    public static bool TryRead(ReadOnlySpan<byte> json, string type, out ScannedMarkings markings)
    {
        markings = null!;
        if (type is "email-addr" or "user-account")
        {
            return false;
        }

        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // Most versions hold no character a free-text match needs anywhere: their properties need no free-text check at all.
        var text = PersonalDataGuard.MayContain(json, type);
        TlpLevel? level = null;
        List<TlpLevel>? granular = null;
        IReadOnlyList<Guid> recipients = [];
        var seen = Seen.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = text ? PersonalDataGuard.FreeTextOf(ref reader, custom: false) : default;
            var property = reader.ValueTextEquals("object_marking_refs"u8) ? Seen.MarkingRefs
                : reader.ValueTextEquals("granular_markings"u8) ? Seen.GranularMarkings
                : reader.ValueTextEquals("extensions"u8) ? Seen.Extensions
                : reader.ValueTextEquals("identity_class"u8) ? Seen.IdentityClass
                : Seen.None;
            if ((seen & property) != 0)
            {
                return false;
            }

            seen |= property;
            reader.Read();

            // The markings are read from a copy of the reader; the original then walks the same value for free text, as the
            // guard walks every property.
            var copy = reader;
            switch (property)
            {
                case Seen.MarkingRefs:
                    level = MarkingRefsLevel(ref copy);
                    break;
                case Seen.GranularMarkings:
                    if (!TryReadGranular(ref copy, out granular))
                    {
                        return false;
                    }

                    break;
                case Seen.Extensions:
                    if (!TryReadRecipients(ref copy, out recipients))
                    {
                        return false;
                    }

                    break;
                case Seen.IdentityClass when type == "identity" && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("individual"u8):
                    return false;
            }

            if (!text)
            {
                reader.Skip();
            }
            else if (MayHoldPersonalData(ref reader, name))
            {
                return false;
            }
        }

        // Reading past the root throws on anything after it, as JsonDocument.Parse does.
        _ = reader.Read();
        markings = new ScannedMarkings(level, granular ?? (IReadOnlyList<TlpLevel>)[], recipients);
        return true;
    }

    /// <summary>Whether the value at the reader holds a free-text string that the guard's detectors could match; reads it through.</summary>
    private static bool MayHoldPersonalData(ref Utf8JsonReader reader, (bool FreeText, bool Custom) name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return name.FreeText && PersonalDataGuard.MayMatch(ref reader);
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var member = PersonalDataGuard.FreeTextOf(ref reader, name.Custom);
                    reader.Read();
                    if (MayHoldPersonalData(ref reader, member))
                    {
                        return true;
                    }
                }

                return false;
            case JsonTokenType.StartArray:
                // List items take the name of the nearest property, as in the guard.
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (MayHoldPersonalData(ref reader, name))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The most restrictive TLP level of <c>object_marking_refs</c>, as <see cref="ObjectMarkings.Read"/> computes it.</summary>
    private static TlpLevel? MarkingRefsLevel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        TlpLevel? level = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (TlpMarkings.LevelOf(reader.GetString()) is { } each && (level is null || each > level))
                {
                    level = each;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return level;
    }

    /// <summary>The TLP levels of the granular markings, as <see cref="ObjectMarkings.Read"/> finds them (without selectors).</summary>
    private static bool TryReadGranular(ref Utf8JsonReader reader, out List<TlpLevel>? granular)
    {
        granular = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return true;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var marking = reader;
            reader.Skip();
            if (!TryFindMember(ref marking, "marking_ref"u8, out var found))
            {
                return false;
            }

            if (found && marking.TokenType == JsonTokenType.String && TlpMarkings.LevelOf(marking.GetString()) is { } level)
            {
                (granular ??= []).Add(level);
            }
        }

        return true;
    }

    /// <summary>The named recipients, as <see cref="ConcordRecipients.Read"/> reads them.</summary>
    private static bool TryReadRecipients(ref Utf8JsonReader reader, out IReadOnlyList<Guid> recipients)
    {
        recipients = [];
        if (!TryFindMember(ref reader, ExtensionDefinitionId, out var found) || (found && !TryFindMember(ref reader, RecipientsProperty, out found)))
        {
            return false;
        }

        if (!found || reader.TokenType != JsonTokenType.StartArray)
        {
            return true;
        }

        var named = new List<Guid>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var id))
            {
                named.Add(id);
            }
            else
            {
                reader.Skip();
            }
        }

        recipients = named;
        return true;
    }

    /// <summary>
    /// Moves a reader on an object to the value of its member <paramref name="name"/> (<paramref name="found"/>); false when
    /// the member occurs twice. A reader on anything else finds nothing.
    /// </summary>
    private static bool TryFindMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out bool found)
    {
        found = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return true;
        }

        var at = reader;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                if (found)
                {
                    return false;
                }

                found = true;
                at = reader;
            }

            reader.Skip();
        }

        reader = at;
        return true;
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        MarkingRefs = 1,
        GranularMarkings = 2,
        Extensions = 4,
        IdentityClass = 8,
    }
}

/// <summary>The markings of an object version as <see cref="ObjectScan"/> reads them.</summary>
/// <param name="Level">The most restrictive TLP level of <c>object_marking_refs</c>, as <see cref="ObjectMarkings.Level"/>.</param>
/// <param name="GranularLevels">The TLP level of each granular marking that references a TLP marking-definition.</param>
/// <param name="Recipients">The named recipient organizations, as <see cref="ObjectMarkings.Recipients"/>.</param>
internal sealed record ScannedMarkings(TlpLevel? Level, IReadOnlyList<TlpLevel> GranularLevels, IReadOnlyList<Guid> Recipients);
