// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Sharing.Markings;
using Concord.Storage.Sharing;

namespace Concord.Sharing.PersonalData;

/// <summary>
/// The personal-data guard's detectors (DESIGN principle 3). Whole objects: an <c>identity</c> with <c>identity_class</c>
/// <c>individual</c> (STIX 2.1 section 4.5), an <c>email-addr</c> (6.5) and a <c>user-account</c> (6.16) are personal data
/// and are withheld. Free text: e-mail addresses and telephone numbers inside free-text string properties are masked.
/// </summary>
/// <remarks>
/// <para><b>Free-text properties</b> are the strings (at any depth, list items included) whose nearest property name is one of
/// <c>name</c>, <c>description</c>, <c>abstract</c>, <c>content</c>, <c>explanation</c>, <c>contact_information</c>,
/// <c>aliases</c>, or that lie under a custom property whose name starts with <c>x_</c>. Structured properties are not free
/// text: an indicator's <c>pattern</c> naming a phishing sender is technical intelligence, not a profile.</para>
/// <para><b>E-mail address</b>: a local part of letters, digits and <c>._%+-</c>, <c>@</c>, and a domain with at least one dot
/// and a top-level label of two letters or more. <b>Telephone number</b>: <c>+</c> or <c>tel:</c>, a country code of 1 to 4
/// digits, an optional parenthesised group, then two to five groups of 2 to 4 digits separated by nothing or one space, dot or
/// hyphen (<c>+41 22 917 12 34</c>, <c>+1 (555) 123-4567</c>); or a parenthesised area code of 2 to 4 digits followed by two
/// groups of 3 or 4 digits, as in <c>(555) 123-4567</c>. Dotted quads, versions and timestamps do not start with <c>+</c>
/// and are not matched.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static partial class PersonalDataGuard
{
    private static readonly string[] FreeTextNames = ["name", "description", "abstract", "content", "explanation", "contact_information", "aliases"];

    private static readonly HashSet<string> FreeTextProperties = new(FreeTextNames, StringComparer.Ordinal);

    private static readonly byte[][] FreeTextNamesUtf8 = [.. FreeTextNames.Select(Encoding.UTF8.GetBytes)];

    private static readonly SearchValues<char> PhoneStarts = SearchValues.Create("+(:");

    // Every e-mail match holds '@' and every phone match '+', '(' or "tel:"; a JSON escape can spell any of these characters.
    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("@+("u8);

    private static readonly SearchValues<char> TriggerChars = SearchValues.Create("@+(");

    private static readonly SearchValues<byte> EscapedTriggers = SearchValues.Create("@+(tel:"u8);

    /// <summary>
    /// Whether <see cref="Inspect"/> can find anything in an object version, judged from its UTF-8 JSON without parsing it:
    /// false when the type is not personal data as a whole and no character that a free-text match needs occurs, either
    /// as itself or as a <c>\u00XX</c> escape (RFC 8259 section 7).
    /// </summary>
    /// <param name="json">The object's UTF-8 JSON.</param>
    /// <param name="type">Its <c>type</c>.</param>
    /// <returns>False only when <see cref="Inspect"/> would return no finding.</returns>
    public static bool MayContain(ReadOnlySpan<byte> json, string type)
    {
        if (type is "email-addr" or "user-account" or "identity" || json.ContainsAny(TriggerBytes) || json.IndexOf("tel:"u8) >= 0)
        {
            return true;
        }

        for (var rest = json; rest.IndexOf("\\u00"u8) is var at and >= 0; rest = rest[(at + 4)..])
        {
            if (rest.Length >= at + 6 && byte.TryParse(rest.Slice(at + 4, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) && EscapedTriggers.Contains(code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the property name at <paramref name="reader"/> makes the strings under it free text (the walk of <see cref="Inspect"/>).</summary>
    /// <param name="reader">A reader on a property name.</param>
    /// <param name="custom">Whether the property lies under a custom <c>x_</c> property.</param>
    /// <returns>Whether its own strings are free text, and whether everything under it is (a custom property).</returns>
    internal static (bool FreeText, bool Custom) FreeTextOf(ref Utf8JsonReader reader, bool custom)
    {
        var startsCustom = reader.ValueIsEscaped || reader.HasValueSequence
            ? reader.GetString()!.StartsWith("x_", StringComparison.Ordinal)
            : reader.ValueSpan.StartsWith("x_"u8);
        custom |= startsCustom;
        if (custom)
        {
            return (true, true);
        }

        foreach (var name in FreeTextNamesUtf8)
        {
            if (reader.ValueTextEquals(name))
            {
                return (true, false);
            }
        }

        return (false, false);
    }

    /// <summary>
    /// Whether the free-text string at <paramref name="reader"/> holds a character that an e-mail match (<c>@</c>) or a
    /// telephone match (<c>+</c>, <c>(</c> or <c>tel:</c>) needs: when it does not, <see cref="Inspect"/> finds nothing in it.
    /// </summary>
    /// <param name="reader">A reader on a string value.</param>
    internal static bool MayMatch(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var bytes = reader.ValueSpan;
            return bytes.ContainsAny(TriggerBytes) || bytes.IndexOf("tel:"u8) >= 0;
        }

        var text = reader.GetString()!;
        return text.AsSpan().ContainsAny(TriggerChars) || text.Contains("tel:", StringComparison.Ordinal);
    }

    /// <summary>Finds the personal data in an object version.</summary>
    /// <param name="root">The object.</param>
    /// <param name="type">Its <c>type</c>.</param>
    /// <returns>The findings: one with a null path when the whole object is personal data (and nothing else is reported),
    /// else one per free-text string and category found in it.</returns>
    public static IReadOnlyList<PersonalDataFinding> Inspect(JsonElement root, string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (WholeObjectCategory(root, type) is { } category)
        {
            return [new PersonalDataFinding(category, null, null)];
        }

        List<PersonalDataFinding>? findings = null;
        var path = new List<SelectorStep>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                path.Add(new SelectorStep(property.Name, -1));
                Walk(property.Value, path, property.Name, property.Name.StartsWith("x_", StringComparison.Ordinal), ref findings);
                path.RemoveAt(path.Count - 1);
            }
        }

        return findings ?? (IReadOnlyList<PersonalDataFinding>)[];
    }

    /// <summary>Masks what the free-text detector of a category finds in a string.</summary>
    /// <param name="text">The text.</param>
    /// <param name="category"><see cref="PersonalDataCategory.EmailAddress"/> or <see cref="PersonalDataCategory.PhoneNumber"/>.</param>
    /// <returns>The text with each match replaced by <c>[redacted email-address]</c> or <c>[redacted phone-number]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The category has no free-text detector.</exception>
    public static string Mask(string text, PersonalDataCategory category)
    {
        ArgumentNullException.ThrowIfNull(text);
        return category switch
        {
            PersonalDataCategory.EmailAddress => EmailPattern().Replace(text, "[redacted email-address]"),
            PersonalDataCategory.PhoneNumber => PhonePattern().Replace(text, "[redacted phone-number]"),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Only e-mail addresses and phone numbers are found in free text."),
        };
    }

    private static PersonalDataCategory? WholeObjectCategory(JsonElement root, string type) => type switch
    {
        "email-addr" => PersonalDataCategory.EmailAddress,
        "user-account" => PersonalDataCategory.UserAccount,
        "identity" when root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("identity_class", out var identityClass)
            && identityClass.ValueKind == JsonValueKind.String
            && identityClass.ValueEquals("individual"u8) => PersonalDataCategory.Individual,
        _ => null,
    };

    private static void Walk(JsonElement value, List<SelectorStep> path, string nearestName, bool custom, ref List<PersonalDataFinding>? findings)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when custom || FreeTextProperties.Contains(nearestName):
                Check(value.GetString()!, path, ref findings);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    path.Add(new SelectorStep(property.Name, -1));
                    Walk(property.Value, path, property.Name, custom || property.Name.StartsWith("x_", StringComparison.Ordinal), ref findings);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    path.Add(new SelectorStep(null, index++));
                    Walk(item, path, nearestName, custom, ref findings);
                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    private static void Check(string text, List<SelectorStep> path, ref List<PersonalDataFinding>? findings)
    {
        if (text.Contains('@', StringComparison.Ordinal) && EmailPattern().IsMatch(text))
        {
            (findings ??= []).Add(new PersonalDataFinding(PersonalDataCategory.EmailAddress, GranularSelector.Of(path), text));
        }

        if (text.AsSpan().ContainsAny(PhoneStarts) && PhonePattern().IsMatch(text))
        {
            (findings ??= []).Add(new PersonalDataFinding(PersonalDataCategory.PhoneNumber, GranularSelector.Of(path), text));
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // The look-arounds keep a match from starting or ending inside a longer token (a hash, an id, a URL path).
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|tel:\+?)\d{1,4}(?:[ .\-]?\(\d{1,4}\))?(?:[ .\-]?\d{2,4}){2,5}|\(\d{2,4}\) ?\d{3,4}[ \-]\d{3,4})(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
