// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Stix;

namespace Concord.Storage.Internal;

/// <summary>
/// Version keys: a timestamp as text that sorts by instant under SQLite's binary collation and is equal
/// exactly when the instants are equal (<c>...:00Z</c>, <c>...:00.000Z</c> and <c>...:00.0Z</c> give the same key).
/// </summary>
internal static class VersionKey
{
    public static string Of(StixTimestamp timestamp)
    {
        var text = timestamp.Text;
        var fraction = text.AsSpan(19, text.Length - 20).TrimStart('.').TrimEnd('0');
        return fraction.IsEmpty ? text[..19] : string.Concat(text.AsSpan(0, 19), ".", fraction);
    }

    public static string Of(DateAdded dateAdded) => Of(dateAdded.ToStixTimestamp());

    /// <summary>Compares spec versions such as "2.0" and "2.1" numerically, falling back to ordinal order.</summary>
    public static int CompareSpecVersions(string left, string right)
    {
        if (Version.TryParse(left, out var l) && Version.TryParse(right, out var r))
        {
            var byNumber = l.CompareTo(r);
            if (byNumber != 0)
            {
                return byNumber;
            }
        }

        return string.CompareOrdinal(left, right);
    }

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
