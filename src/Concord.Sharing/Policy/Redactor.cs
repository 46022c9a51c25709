// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Markings;

namespace Concord.Sharing.Policy;

/// <summary>Applies the redactions of a <see cref="PolicyOutcome.Redact"/> decision to an object version's JSON.</summary>
/// <remarks>
/// Masks replace string values in place. Removals delete the property, dictionary entry or list item; list items are removed
/// from the highest index down, so one removal never shifts another. The <c>granular_markings</c> that remain are kept
/// true (STIX 2.1 section 7.2.3: selectors must refer to content that is present): selectors inside removed content are
/// dropped, list indices after removed items are renumbered, and a granular marking left without selectors is dropped
/// (the property too, when none is left). A path that is not present is skipped. Stateless and thread-safe.
/// </remarks>
public static class Redactor
{
    /// <summary>Applies the redactions.</summary>
    /// <param name="json">The version's UTF-8 JSON (an object).</param>
    /// <param name="redactions">The redactions.</param>
    /// <returns>The redacted object as compact UTF-8 JSON.</returns>
    /// <exception cref="JsonException">The JSON is not an object.</exception>
    public static byte[] Apply(ReadOnlyMemory<byte> json, IReadOnlyList<Redaction> redactions)
    {
        ArgumentNullException.ThrowIfNull(redactions);
        var root = JsonNode.Parse(json.Span) as JsonObject ?? throw new JsonException("An object version is a JSON object.");
        foreach (var mask in redactions.Where(redaction => redaction.Replacement is not null))
        {
            if (Resolve(root, mask.Path, mask.Path.Steps.Count - 1) is { } parent && Child(parent, mask.Path.Steps[^1]) is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                Replace(parent, mask.Path.Steps[^1], JsonValue.Create(mask.Replacement!));
            }
        }

        var removals = redactions.Where(redaction => redaction.Replacement is null).Select(redaction => redaction.Path).Distinct().ToList();
        removals.RemoveAll(path => removals.Any(other => !ReferenceEquals(other, path) && !other.Equals(path) && path.IsWithin(other)));
        var removed = new List<GranularSelector>();
        foreach (var path in removals.OrderByDescending(path => path.Steps.Count).ThenByDescending(path => path.Steps[^1].Index))
        {
            if (Resolve(root, path, path.Steps.Count - 1) is { } parent && Remove(parent, path.Steps[^1]))
            {
                removed.Add(path);
            }
        }

        if (removed.Count > 0)
        {
            RewriteGranularMarkings(root, removed);
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, RedactorJson.Default.JsonObject);
    }

    /// <summary>
    /// Applies redactions that only mask (every <see cref="Redaction.Replacement"/> set) by writing the stored bytes with each
    /// masked string replaced in place: the rest of the object is copied byte for byte instead of being parsed and written
    /// again. The result is the same JSON value as <see cref="Apply"/>'s.
    /// </summary>
    /// <param name="json">The version's UTF-8 JSON (an object).</param>
    /// <param name="redactions">The redactions.</param>
    /// <param name="output">Receives the masked JSON when the method returns true; untouched otherwise.</param>
    /// <returns>False when a redaction removes something, or when the bytes are not plain enough to locate a path without a
    /// document (a repeated property on a path); then use <see cref="Apply"/>.</returns>
    public static bool TryMask(ReadOnlySpan<byte> json, IReadOnlyList<Redaction> redactions, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(redactions);
        ArgumentNullException.ThrowIfNull(output);
        Span<(int Start, int End, int Mask)> found = redactions.Count <= 16 ? stackalloc (int, int, int)[redactions.Count] : new (int, int, int)[redactions.Count];
        var count = 0;
        for (var i = 0; i < redactions.Count; i++)
        {
            if (redactions[i].Replacement is null)
            {
                return false;
            }

            var reader = new Utf8JsonReader(json);
            reader.Read();
            switch (Locate(ref reader, redactions[i].Path, 0))
            {
                case Location.Ambiguous:
                    return false;
                case Location.String:
                    found[count++] = ((int)reader.TokenStartIndex, (int)reader.TokenStartIndex + reader.ValueSpan.Length + 2, i);
                    break;
            }
        }

        found = found[..count];
        found.Sort();
        for (var i = 1; i < found.Length; i++)
        {
            if (found[i].Start < found[i - 1].End)
            {
                return false;
            }
        }

        var at = 0;
        foreach (var (start, end, mask) in found)
        {
            output.Write(json[at..start]);
            var encoded = JsonEncodedText.Encode(redactions[mask].Replacement!);
            output.Write("\""u8);
            output.Write(encoded.EncodedUtf8Bytes);
            output.Write("\""u8);
            at = end;
        }

        output.Write(json[at..]);
        return true;
    }

    /// <summary>Moves the reader, on the value at <paramref name="depth"/> steps of <paramref name="path"/>, to the value the path names.</summary>
    private static Location Locate(ref Utf8JsonReader reader, GranularSelector path, int depth)
    {
        if (depth == path.Steps.Count)
        {
            return reader.TokenType == JsonTokenType.String && !reader.HasValueSequence ? Location.String : Location.Absent;
        }

        var step = path.Steps[depth];
        var result = Location.Absent;
        if (reader.TokenType == JsonTokenType.StartObject && step.Name is { } name)
        {
            var at = default(Utf8JsonReader);
            var matches = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match && matches++ == 0)
                {
                    at = reader;
                }

                reader.Skip();
            }

            if (matches > 1)
            {
                return Location.Ambiguous;
            }

            if (matches == 1)
            {
                reader = at;
                result = Locate(ref reader, path, depth + 1);
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray && step.Name is null)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index++ == step.Index)
                {
                    return Locate(ref reader, path, depth + 1);
                }

                reader.Skip();
            }
        }

        return result;
    }

    private static JsonNode? Resolve(JsonNode root, GranularSelector path, int steps)
    {
        JsonNode? current = root;
        for (var i = 0; i < steps && current is not null; i++)
        {
            current = Child(current, path.Steps[i]);
        }

        return current;
    }

    private static JsonNode? Child(JsonNode node, SelectorStep step) => (node, step.Name) switch
    {
        (JsonObject obj, { } name) => obj.TryGetPropertyValue(name, out var child) ? child : null,
        (JsonArray array, null) when step.Index < array.Count => array[step.Index],
        _ => null,
    };

    private static void Replace(JsonNode parent, SelectorStep step, JsonNode replacement)
    {
        if (parent is JsonObject obj)
        {
            obj[step.Name!] = replacement;
        }
        else
        {
            parent.AsArray()[step.Index] = replacement;
        }
    }

    private static bool Remove(JsonNode parent, SelectorStep step) => (parent, step.Name) switch
    {
        (JsonObject obj, { } name) => obj.Remove(name),
        (JsonArray array, null) when step.Index < array.Count => RemoveAt(array, step.Index),
        _ => false,
    };

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private enum Location
    {
        Absent,
        String,
        Ambiguous,
    }

    private static void RewriteGranularMarkings(JsonObject root, List<GranularSelector> removed)
    {
        if (root["granular_markings"] is not JsonArray markings)
        {
            return;
        }

        for (var i = markings.Count - 1; i >= 0; i--)
        {
            if (markings[i] is not JsonObject marking || marking["selectors"] is not JsonArray selectors)
            {
                continue;
            }

            var kept = new JsonArray();
            foreach (var item in selectors)
            {
                if (item?.GetValueKind() == JsonValueKind.String
                    && GranularSelector.TryParse(item.GetValue<string>(), out var selector)
                    && Renumber(selector, removed) is { } renumbered)
                {
                    kept.Add((JsonNode)JsonValue.Create(renumbered.Text));
                }
            }

            if (kept.Count == 0)
            {
                markings.RemoveAt(i);
            }
            else
            {
                marking["selectors"] = kept;
            }
        }

        if (markings.Count == 0)
        {
            root.Remove("granular_markings");
        }
    }

    /// <summary>The selector after the removals, or null when it pointed into removed content.</summary>
    private static GranularSelector? Renumber(GranularSelector selector, List<GranularSelector> removed)
    {
        if (removed.Any(selector.IsWithin))
        {
            return null;
        }

        var steps = selector.Steps.ToArray();
        for (var i = 1; i < steps.Length; i++)
        {
            if (steps[i].Name is not null)
            {
                continue;
            }

            var depth = i;
            var shift = removed.Count(path => path.Steps.Count == depth + 1 && path.Steps[depth].Name is null
                && path.Steps[depth].Index < selector.Steps[depth].Index && SamePrefix(path, selector, depth));
            steps[i] = steps[i] with { Index = steps[i].Index - shift };
        }

        return GranularSelector.Of(steps);
    }

    private static bool SamePrefix(GranularSelector a, GranularSelector b, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (a.Steps[i] != b.Steps[i])
            {
                return false;
            }
        }

        return true;
    }
}
