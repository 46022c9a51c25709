// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Concord.Stix.Identifiers;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785), used to turn ID contributing properties into the
/// name of a UUIDv5 (STIX 2.1 section 2.9).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class JsonCanonicalizer
{
    /// <summary>Writes the canonical form of a JSON value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The canonical JSON text.</returns>
    public static string Canonicalize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    internal static void Write(JsonElement value, StringBuilder output)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // RFC 8785 section 3.2.3: members sorted by the UTF-16 code units of their names.
                var members = value.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                output.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    WriteString(members[i].Name, output);
                    output.Append(':');
                    Write(members[i].Value, output);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    Write(item, output);
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(value.GetString()!, output);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(value.GetDouble()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    internal static void WriteString(string text, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case < ' ':
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        output.Append('"');
    }

    /// <summary>Formats a number as ECMAScript's Number.prototype.toString does (RFC 8785 section 3.2.2.3).</summary>
    /// <param name="value">The number.</param>
    internal static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21)
        {
            // Shortest round-trip digits, written without an exponent.
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (!text.Contains('E', StringComparison.Ordinal))
            {
                return text;
            }

            return value.ToString(magnitude >= 1 ? "F0" : "0.##############################", CultureInfo.InvariantCulture);
        }

        var exponential = value.ToString("R", CultureInfo.InvariantCulture);
        var e = exponential.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponential[..e];
        var exponent = int.Parse(exponential[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent >= 0 ? "+" : "-")}{Math.Abs(exponent)}";
    }
}
