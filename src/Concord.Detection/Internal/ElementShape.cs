// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using System.Text.Json;
using Concord.Stix;

namespace Concord.Detection.Internal;

/// <summary>
/// What the engine needs to know about one top-level object of an input line: its type and, for an
/// observed-data, what a single pass over its properties by their raw UTF-8 names finds.
/// </summary>
/// <param name="Type">The <c>type</c> value, when a string.</param>
/// <param name="IsIndicator">Whether the type is <c>indicator</c>.</param>
/// <param name="Embedded">For an observed-data with a 2.0 <c>objects</c> dictionary, that dictionary.</param>
/// <param name="FirstObservedTicks">
/// For an observed-data with valid <c>first_observed</c> and <c>last_observed</c> (an observation as the
/// evaluator counts them), the UTC ticks of <c>first_observed</c>.
/// </param>
internal readonly record struct ElementShape(JsonElement? Type, bool IsIndicator, JsonElement? Embedded, long? FirstObservedTicks)
{
    public static ElementShape Read(JsonElement element)
    {
        // Most objects are SCOs, whose type is all that is needed.
        if (!element.TryGetProperty("type"u8, out var t) || t.ValueKind != JsonValueKind.String)
        {
            return default;
        }

        if (t.ValueEquals("indicator"u8))
        {
            return new ElementShape(t, true, null, null);
        }

        if (!t.ValueEquals("observed-data"u8))
        {
            return new ElementShape(t, false, null, null);
        }

        JsonElement? objects = null;
        JsonElement? first = null;
        JsonElement? last = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            switch (name.Length)
            {
                case 7 when name.SequenceEqual("objects"u8):
                    objects = property.Value;
                    break;
                case 13 when name.SequenceEqual("last_observed"u8):
                    last = property.Value;
                    break;
                case 14 when name.SequenceEqual("first_observed"u8):
                    first = property.Value;
                    break;
                default:
                    // An escaped name is compared decoded, as TryGetProperty does.
                    if (name.Contains((byte)'\\'))
                    {
                        if (property.NameEquals("objects"u8))
                        {
                            objects = property.Value;
                        }
                        else if (property.NameEquals("first_observed"u8))
                        {
                            first = property.Value;
                        }
                        else if (property.NameEquals("last_observed"u8))
                        {
                            last = property.Value;
                        }
                    }

                    break;
            }
        }

        var embedded = objects is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null;
        var ticks = first is { } f && last is { } l && TryTicks(f, out var firstTicks) && TryTicks(l, out _) ? firstTicks : (long?)null;
        return new ElementShape(t, false, embedded, ticks);
    }

    /// <summary>The UTC ticks of a timestamp, read from its raw UTF-8 as <see cref="StixTimestamp.Instant"/> computes them.</summary>
    private static bool TryTicks(JsonElement value, out long ticks)
    {
        ticks = 0;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = LineContext.RawString(value);
        if (raw.Contains((byte)'\\'))
        {
            if (!StixTimestamp.TryParse(value.GetString(), out var timestamp))
            {
                return false;
            }

            ticks = timestamp.Instant.UtcTicks;
            return true;
        }

        return TryTicks(raw, out ticks);
    }

    /// <summary>As <see cref="TryTicks(JsonElement, out long)"/>, from the raw UTF-8 of a string without escapes.</summary>
    public static bool TryTicks(ReadOnlySpan<byte> raw, out long ticks)
    {
        ticks = 0;
        if (!StixTimestamp.TryParseCore(raw, out var seconds, out var fractionLength))
        {
            return false;
        }

        var fraction = 0L;
        for (var i = 0; i < 7; i++)
        {
            fraction = (fraction * 10) + (i < fractionLength ? raw[20 + i] - '0' : 0);
        }

        ticks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks + fraction;
        return true;
    }
}
