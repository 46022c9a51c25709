// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii;

/// <summary>The media types of TAXII 2.1 (section 1.6.8) and STIX 2.1 content, and their matching rules.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class TaxiiMediaTypes
{
    /// <summary>The TAXII 2.1 media type with its version parameter, used on every request and response.</summary>
    public const string Taxii21 = "application/taxii+json;version=2.1";

    /// <summary>The TAXII media type without a version: "the latest version the server supports".</summary>
    public const string Taxii = "application/taxii+json";

    /// <summary>The STIX 2.1 media type with its version parameter, as listed in a collection's <c>media_types</c>.</summary>
    public const string Stix21 = "application/stix+json;version=2.1";

    /// <summary>The STIX media type without a version.</summary>
    public const string Stix = "application/stix+json";

    /// <summary>
    /// Whether a <c>Content-Type</c> value is TAXII 2.1: <c>application/taxii+json</c> with a version of
    /// 2.1 or none (section 1.6.8.2). Parameters other than <c>version</c> and <c>charset=utf-8</c> are ignored.
    /// </summary>
    /// <param name="contentType">The header value; null when absent.</param>
    public static bool IsTaxii21ContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        return MediaRange.TryParse(contentType.AsSpan(), out var range) && range.Is("application", "taxii+json") && range.VersionIs21OrAbsent && range.CharsetIsUtf8OrAbsent;
    }

    /// <summary>
    /// Whether an <c>Accept</c> header lets the server answer with TAXII 2.1. A missing header accepts anything
    /// (RFC 7231 section 5.3.2); <c>*/*</c> and <c>application/*</c> are satisfied too. A range with <c>q=0</c> is refused.
    /// </summary>
    /// <param name="accept">The header value (comma-separated media ranges); null when absent.</param>
    /// <param name="alsoStix">Also accept <c>application/stix+json;version=2.1</c>, which the manifest endpoint lists (section 5.3).</param>
    public static bool AcceptsTaxii21(string? accept, bool alsoStix = false)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        var rest = accept.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var item = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (!MediaRange.TryParse(item, out var range) || range.QualityIsZero)
            {
                continue;
            }

            if (range.Is("*", "*") || range.Is("application", "*"))
            {
                return true;
            }

            if ((range.Is("application", "taxii+json") || (alsoStix && range.Is("application", "stix+json"))) && range.VersionIs21OrAbsent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One parsed media range: type, subtype and the parameters TAXII cares about.</summary>
    private readonly ref struct MediaRange
    {
        private readonly ReadOnlySpan<char> type;
        private readonly ReadOnlySpan<char> subtype;
        private readonly ReadOnlySpan<char> version;
        private readonly ReadOnlySpan<char> charset;
        private readonly bool hasVersion;
        private readonly bool hasCharset;

        private MediaRange(ReadOnlySpan<char> type, ReadOnlySpan<char> subtype, ReadOnlySpan<char> version, bool hasVersion, ReadOnlySpan<char> charset, bool hasCharset, bool qualityIsZero)
        {
            this.type = type;
            this.subtype = subtype;
            this.version = version;
            this.hasVersion = hasVersion;
            this.charset = charset;
            this.hasCharset = hasCharset;
            QualityIsZero = qualityIsZero;
        }

        public bool QualityIsZero { get; }

        public bool VersionIs21OrAbsent => !hasVersion || version.SequenceEqual("2.1");

        public bool CharsetIsUtf8OrAbsent => !hasCharset || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);

        public bool Is(string expectedType, string expectedSubtype) =>
            type.Equals(expectedType, StringComparison.OrdinalIgnoreCase) && subtype.Equals(expectedSubtype, StringComparison.OrdinalIgnoreCase);

        public static bool TryParse(ReadOnlySpan<char> text, out MediaRange range)
        {
            range = default;
            var semicolon = text.IndexOf(';');
            var full = (semicolon < 0 ? text : text[..semicolon]).Trim();
            var slash = full.IndexOf('/');
            if (slash <= 0 || slash == full.Length - 1)
            {
                return false;
            }

            ReadOnlySpan<char> version = [];
            ReadOnlySpan<char> charset = [];
            bool hasVersion = false, hasCharset = false, qualityIsZero = false;
            var parameters = semicolon < 0 ? [] : text[(semicolon + 1)..];
            while (!parameters.IsEmpty)
            {
                var next = parameters.IndexOf(';');
                var parameter = (next < 0 ? parameters : parameters[..next]).Trim();
                parameters = next < 0 ? [] : parameters[(next + 1)..];
                var equals = parameter.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = parameter[..equals].Trim();
                var value = parameter[(equals + 1)..].Trim().Trim('"');
                if (name.Equals("version", StringComparison.OrdinalIgnoreCase))
                {
                    version = value;
                    hasVersion = true;
                }
                else if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                {
                    charset = value;
                    hasCharset = true;
                }
                else if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    qualityIsZero = IsZeroQuality(value);
                }
            }

            range = new MediaRange(full[..slash].Trim(), full[(slash + 1)..].Trim(), version, hasVersion, charset, hasCharset, qualityIsZero);
            return true;
        }

        private static bool IsZeroQuality(ReadOnlySpan<char> value)
        {
            if (value.IsEmpty || value[0] != '0')
            {
                return false;
            }

            foreach (var c in value[1..])
            {
                if (c is not ('.' or '0'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
