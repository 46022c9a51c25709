// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Stix;

namespace Concord.Storage;

/// <summary>
/// The server-assigned date a version of an object was added to a collection (TAXII 2.1 section 3.3),
/// with microsecond precision. Within one store every value is unique and strictly increasing in the
/// order the versions were committed, so it doubles as the pagination position.
/// </summary>
/// <param name="UnixMicroseconds">Microseconds since 1970-01-01T00:00:00Z.</param>
/// <remarks>Immutable; ordered by instant.</remarks>
public readonly record struct DateAdded(long UnixMicroseconds) : IComparable<DateAdded>
{
    private const long MicrosecondsPerSecond = 1_000_000;

    /// <summary>The instant (exact: microseconds fit in <see cref="DateTimeOffset"/> ticks).</summary>
    public DateTimeOffset Instant => DateTimeOffset.UnixEpoch.AddTicks(UnixMicroseconds * 10);

    /// <summary>Creates a value from an instant, truncated to the microsecond.</summary>
    /// <param name="instant">The instant.</param>
    public static DateAdded FromInstant(DateTimeOffset instant) =>
        new((instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);

    /// <summary>
    /// The largest date added that is not after <paramref name="timestamp"/> (sub-microsecond digits are
    /// dropped). <c>added_after=T</c> selects exactly the versions whose date added is greater than this value.
    /// </summary>
    /// <param name="timestamp">A STIX timestamp, for example the <c>added_after</c> parameter.</param>
    public static DateAdded FloorOf(StixTimestamp timestamp)
    {
        var text = timestamp.Text;
        var seconds = timestamp.Instant.ToUnixTimeSeconds();
        var micros = 0L;
        for (var i = 0; i < 6; i++)
        {
            var digit = timestamp.FractionDigits > i ? text[20 + i] - '0' : 0;
            micros = (micros * 10) + digit;
        }

        return new DateAdded((seconds * MicrosecondsPerSecond) + micros);
    }

    /// <summary>The value as a STIX timestamp with six sub-second digits, as sent in <c>date_added</c> and the X-TAXII-Date-Added headers.</summary>
    public StixTimestamp ToStixTimestamp() => StixTimestamp.Parse(ToString());

    /// <summary>Formats as <c>YYYY-MM-DDTHH:mm:ss.ffffffZ</c>.</summary>
    public override string ToString() =>
        Instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int CompareTo(DateAdded other) => UnixMicroseconds.CompareTo(other.UnixMicroseconds);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator <(DateAdded left, DateAdded right) => left.UnixMicroseconds < right.UnixMicroseconds;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator >(DateAdded left, DateAdded right) => left.UnixMicroseconds > right.UnixMicroseconds;

    /// <summary>Whether <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator <=(DateAdded left, DateAdded right) => left.UnixMicroseconds <= right.UnixMicroseconds;

    /// <summary>Whether <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator >=(DateAdded left, DateAdded right) => left.UnixMicroseconds >= right.UnixMicroseconds;
}
