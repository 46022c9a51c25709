// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Concord.Stix;

namespace Concord.Taxii;

/// <summary>
/// The TAXII <c>timestamp</c> type (section 2): RFC 3339 in UTC with the <c>Z</c> designator and
/// microsecond precision, <c>YYYY-MM-DDTHH:MM:SS.ssssssZ</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class TaxiiTimestamp
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Formats an instant with microsecond precision (digits below a microsecond are truncated).</summary>
    /// <param name="instant">The instant; converted to UTC.</param>
    public static string Format(DateTimeOffset instant) =>
        TruncateToMicroseconds(instant).UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Truncates an instant to whole microseconds, the precision TAXII timestamps carry.</summary>
    /// <param name="instant">The instant.</param>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// Parses a timestamp as clients send it in <c>added_after</c>: RFC 3339 in UTC with <c>Z</c> and any
    /// number of fraction digits (STIX timestamps with millisecond precision are accepted too).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant, truncated to 100 ns.</param>
    /// <returns>Whether the text is a valid timestamp.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (!StixTimestamp.TryParse(text, out var stix))
        {
            return false;
        }

        instant = stix.Instant;
        return true;
    }
}
