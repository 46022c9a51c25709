// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Unicode;

namespace Concord.Storage.Postgres.Internal;

/// <summary>
/// Whether PostgreSQL's <c>jsonb</c> can hold a JSON text. It refuses invalid UTF-8, the escape <c>\u0000</c> and
/// escapes of unpaired UTF-16 surrogates, all of which the store must still keep byte for byte (in <c>raw</c>).
/// </summary>
internal static class JsonbText
{
    public static bool CanHold(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        var i = 0;
        while (true)
        {
            // Outside strings a backslash is not valid JSON, so every backslash found starts an escape.
            var found = json[i..].IndexOf((byte)'\\');
            if (found < 0 || i + found + 1 >= json.Length)
            {
                return true;
            }

            i += found;
            if (json[i + 1] != 'u')
            {
                i += 2;
                continue;
            }

            var unit = EscapedUnit(json, i);
            if (unit is < 1 or (>= 0xDC00 and <= 0xDFFF))
            {
                return false;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (EscapedUnit(json, i + 6) is not (>= 0xDC00 and <= 0xDFFF))
                {
                    return false;
                }

                i += 6;
            }

            i += 6;
        }
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, or -1 when there is none.</summary>
    private static int EscapedUnit(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
            && int.TryParse(json.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? unit
            : -1;
}
