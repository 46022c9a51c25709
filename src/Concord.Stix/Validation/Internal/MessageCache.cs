// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Concord.Stix.Schema;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// The custom-property message repeats on every object of a feed that carries the same custom
/// properties (ATT&amp;CK puts x_mitre_* on every object), so it is built once per schema and set of
/// names and shared. Entries are checked byte for byte, so a hash collision never yields a wrong
/// message; the cache is bounded.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class MessageCache
{
    private const int Capacity = 4096;
    private readonly ConcurrentDictionary<(ObjectSchema Schema, ulong Hash), (byte[] Names, string Message)> messages = new();

    public string GetOrAdd(ObjectSchema schema, List<JsonProperty> properties, Func<ObjectSchema, List<JsonProperty>, string> build)
    {
        // FNV-1a over the raw names, each followed by a separator.
        var hash = 14695981039346656037UL;
        var length = 0;
        foreach (var property in properties)
        {
            foreach (var b in JsonMarshal.GetRawUtf8PropertyName(property))
            {
                hash = unchecked((hash ^ b) * 1099511628211UL);
            }

            hash = unchecked(hash * 1099511628211UL);
            length += JsonMarshal.GetRawUtf8PropertyName(property).Length + 1;
        }

        if (messages.TryGetValue((schema, hash), out var entry) && SameNames(entry.Names, properties))
        {
            return entry.Message;
        }

        var message = build(schema, properties);
        if (messages.Count < Capacity)
        {
            var names = new byte[length];
            var offset = 0;
            foreach (var property in properties)
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                raw.CopyTo(names.AsSpan(offset));
                offset += raw.Length + 1;
            }

            messages.TryAdd((schema, hash), (names, message));
        }

        return message;
    }

    private static bool SameNames(byte[] names, List<JsonProperty> properties)
    {
        var rest = names.AsSpan();
        foreach (var property in properties)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (rest.Length < raw.Length + 1 || !rest[..raw.Length].SequenceEqual(raw) || rest[raw.Length] != 0)
            {
                return false;
            }

            rest = rest[(raw.Length + 1)..];
        }

        return rest.IsEmpty;
    }
}
