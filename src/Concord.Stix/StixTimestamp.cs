// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Concord.Stix;

/// <summary>
/// A STIX <c>timestamp</c> (section 2.16): <c>YYYY-MM-DDTHH:mm:ss[.s+]Z</c> in UTC, with any number
/// of sub-second digits. The original text is kept, so that serialization gives back exactly the
/// same value (two timestamps with different precision are different JSON values).
/// </summary>
/// <remarks>
/// Comparison and equality are by instant, at full precision (digits beyond the 100 ns of
/// <see cref="DateTimeOffset"/> are compared too). Immutable.
/// </remarks>
public readonly struct StixTimestamp : IEquatable<StixTimestamp>, IComparable<StixTimestamp>
{
    private readonly long seconds;
    private readonly string fraction;

    private StixTimestamp(string text, long seconds, string fraction)
    {
        Text = text;
        this.seconds = seconds;
        this.fraction = fraction;
    }

    /// <summary>The timestamp exactly as written.</summary>
    public string Text { get; }

    /// <summary>The number of sub-second digits written (0 when there is no fraction).</summary>
    public int FractionDigits => fraction.Length;

    /// <summary>The instant, truncated to 100 ns.</summary>
    public DateTimeOffset Instant
    {
        get
        {
            var ticks = 0L;
            var digits = Math.Min(fraction.Length, 7);
            for (var i = 0; i < 7; i++)
            {
                ticks = (ticks * 10) + (i < digits ? fraction[i] - '0' : 0);
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
        }
    }

    /// <summary>Creates a timestamp with millisecond precision, as STIX producers are advised to write.</summary>
    /// <param name="instant">The instant; converted to UTC.</param>
    public static StixTimestamp FromInstant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Parse(text);
    }

    /// <summary>Parses a timestamp, throwing on malformed input.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a STIX timestamp.</exception>
    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var result) ? result : throw new FormatException($"'{text}' is not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z, UTC).");

    /// <summary>Parses a timestamp.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The timestamp when the text is valid.</param>
    /// <returns>Whether the text is a valid STIX timestamp.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixTimestamp result)
    {
        result = default;
        if (text is null || !TryParseCore(text, out var seconds, out var fractionLength))
        {
            return false;
        }

        result = new StixTimestamp(text, seconds, fractionLength == 0 ? string.Empty : text.Substring(20, fractionLength));
        return true;
    }

    /// <summary>Compares two timestamps given as text, by instant, without allocating.</summary>
    /// <param name="left">The left timestamp.</param>
    /// <param name="right">The right timestamp.</param>
    /// <returns>The sign of left - right, or null when either is not a valid timestamp.</returns>
    internal static int? Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (!TryParseCore(left, out var leftSeconds, out var leftFraction) || !TryParseCore(right, out var rightSeconds, out var rightFraction))
        {
            return null;
        }

        return leftSeconds != rightSeconds
            ? leftSeconds.CompareTo(rightSeconds)
            : CompareFractions(leftFraction == 0 ? default : left.Slice(20, leftFraction), rightFraction == 0 ? default : right.Slice(20, rightFraction));
    }

    /// <summary>Checks the syntax and calendar values of a timestamp without allocating.</summary>
    /// <param name="s">The text.</param>
    /// <param name="unixSeconds">The whole seconds since the Unix epoch.</param>
    /// <param name="fractionLength">The number of sub-second digits.</param>
    internal static bool TryParseCore(ReadOnlySpan<char> s, out long unixSeconds, out int fractionLength) => TryParseCore<char>(s, out unixSeconds, out fractionLength);

    /// <summary>Checks a timestamp given as UTF-16 or raw UTF-8 text without allocating.</summary>
    /// <param name="s">The text.</param>
    /// <param name="unixSeconds">The whole seconds since the Unix epoch.</param>
    /// <param name="fractionLength">The number of sub-second digits.</param>
    internal static bool TryParseCore<T>(ReadOnlySpan<T> s, out long unixSeconds, out int fractionLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        unixSeconds = 0;
        fractionLength = 0;
        if (s.Length < 20 || At(s, 4) != '-' || At(s, 7) != '-' || At(s, 10) != 'T' || At(s, 13) != ':' || At(s, 16) != ':' || At(s, s.Length - 1) != 'Z')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (s.Length > 20)
        {
            var rest = s[19..^1];
            if (At(rest, 0) != '.' || rest.Length < 2 || !IsDigits(rest[1..]))
            {
                return false;
            }

            fractionLength = rest.Length - 1;
        }

        // RFC 3339 allows a leap second (60); it is folded into the next second as most platforms do.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var date = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);
        unixSeconds = new DateTimeOffset(date).ToUnixTimeSeconds() + second;
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(StixTimestamp other)
    {
        var bySeconds = seconds.CompareTo(other.seconds);
        return bySeconds != 0 ? bySeconds : CompareFractions(fraction, other.fraction);
    }

    // Sub-second digits compare as decimal fractions: missing trailing digits are zeros.
    private static int CompareFractions(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var length = Math.Max(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = i < left.Length ? left[i] : '0';
            var b = i < right.Length ? right[i] : '0';
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }

    /// <inheritdoc />
    public bool Equals(StixTimestamp other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StixTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(seconds, (fraction ?? string.Empty).TrimEnd('0'));

    /// <inheritdoc />
    public override string ToString() => Text ?? string.Empty;

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator ==(StixTimestamp left, StixTimestamp right) => left.Equals(right);

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator !=(StixTimestamp left, StixTimestamp right) => !left.Equals(right);

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Compares by instant.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) >= 0;

    private static char At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => (char)ushort.CreateTruncating(text[index]);

    private static bool IsDigits<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (At(s, i) is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDigits<T>(ReadOnlySpan<T> s, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = At(s, i);
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
