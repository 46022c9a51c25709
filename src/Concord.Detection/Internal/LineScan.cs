// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Detection.Internal;

/// <summary>
/// One <see cref="Utf8JsonReader"/> pass over an input line that keeps, without building a document or a
/// string, what deciding that the line meets no candidate takes: each object's <c>type</c> and
/// <c>id</c>, an observed-data's <c>first_observed</c> and <c>last_observed</c>, and the string values the
/// indexed object paths (<see cref="PathTrie"/>) reach, as positions in the line.
/// </summary>
/// <remarks>
/// Objects are flattened as the engine flattens its input (arrays, and bundles whose <c>type</c> comes
/// before their <c>objects</c>). A line the scan cannot follow exactly is left to the document: not valid
/// JSON, an indicator, a telemetry event (a root object without <c>type</c>), a 2.0 observed-data
/// (<c>objects</c> on anything but a bundle), a name or needed value with escapes, a needed value longer
/// than the probe's buffer, a duplicated <c>type</c>, <c>id</c> or time, an object where a followed
/// reference should be. Not thread-safe: the engine owns one.
/// </remarks>
internal sealed class LineScan
{
    /// <summary>Longer values are left to the document (the probe decodes up to this many bytes on the stack).</summary>
    public const int MaxValueLength = 512;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private PathTrie.Node[] nodes = [];

    /// <summary>The objects of the last line, in the order the engine flattens them.</summary>
    public List<ScannedObject> Objects { get; } = [];

    /// <summary>The string values found at recording nodes, each object's contiguous.</summary>
    public List<Recorded> Values { get; } = [];

    /// <summary>Scans a line; false when the line needs the document.</summary>
    public bool TryScan(ReadOnlySpan<byte> line, PathTrie paths)
    {
        Objects.Clear();
        Values.Clear();
        nodes = paths.Nodes;
        var reader = new Utf8JsonReader(line, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            var followed = reader.TokenType switch
            {
                JsonTokenType.StartObject => Object(ref reader, root: true),
                JsonTokenType.StartArray => Array(ref reader),
                _ => true,
            };

            // Anything after the value makes the line invalid JSON: the document says so.
            return followed && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The UTC ticks of an observed-data's <c>first_observed</c>, when both of its times are valid.</summary>
    public static long? ObservationTicks(ReadOnlySpan<byte> line, in ScannedObject scanned)
    {
        if (!scanned.IsObservedData || !ElementShape.TryTicks(Slice(line, scanned.FirstObserved), out var first))
        {
            return null;
        }

        // Mostly an observation is of one instant: the same text is valid twice.
        var last = Slice(line, scanned.LastObserved);
        return scanned.LastObserved.Length >= 0 && (last.SequenceEqual(Slice(line, scanned.FirstObserved)) || ElementShape.TryTicks(last, out _)) ? first : null;
    }

    /// <summary>The bytes of a recorded position (empty for none).</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> line, Span span) => span.Length < 0 ? default : line.Slice(span.Start, span.Length);

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => name.SequenceEqual(expected);

    private static Span StringAt(ref Utf8JsonReader reader) => new((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);

    /// <summary>Keeps a string property the scan reads; false when it is not a string or comes twice.</summary>
    private static bool Once(ref Utf8JsonReader reader, bool isString, ref Span field)
    {
        if (field.Length >= 0 || !isString)
        {
            return false;
        }

        field = StringAt(ref reader);
        return true;
    }

    /// <summary>The items of a list that the engine flattens.</summary>
    private bool Array(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var followed = reader.TokenType switch
            {
                JsonTokenType.StartObject => Object(ref reader, root: false),
                JsonTokenType.StartArray => Array(ref reader),
                _ => true,
            };
            if (!followed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An object the engine flattens: a bundle's objects become objects of the line, anything else is one.</summary>
    private bool Object(ref Utf8JsonReader reader, bool root)
    {
        var slot = Objects.Count;
        Objects.Add(default);
        var scanned = new ScannedObject { Type = Span.None, Id = Span.None, FirstObserved = Span.None, LastObserved = Span.None, ValuesStart = Values.Count };
        var hasType = false;
        var isBundle = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var child = nodes[0].Find(name);
            reader.Read();
            var isString = reader.TokenType == JsonTokenType.String;
            if (isString && reader.ValueIsEscaped)
            {
                // Escaped values are compared decoded by the document: names the scan reads go there.
                if (child >= 0 || Is(name, "type"u8) || Is(name, "id"u8) || Is(name, "first_observed"u8) || Is(name, "last_observed"u8))
                {
                    return false;
                }
            }

            switch (name.Length)
            {
                case 4 when Is(name, "type"u8):
                    if (hasType)
                    {
                        return false;
                    }

                    hasType = true;
                    if (isString)
                    {
                        scanned.Type = StringAt(ref reader);
                        isBundle = Is(reader.ValueSpan, "bundle"u8);
                        scanned.IsObservedData = Is(reader.ValueSpan, "observed-data"u8);
                        if (Is(reader.ValueSpan, "indicator"u8))
                        {
                            return false;
                        }
                    }

                    break;
                case 7 when Is(name, "objects"u8):
                    // A bundle's objects are flattened (its type must come first); on anything else, a 2.0
                    // observed-data's objects are resolved by key, which only the document does.
                    if (!isBundle || reader.TokenType != JsonTokenType.StartArray || !Array(ref reader))
                    {
                        return false;
                    }

                    scanned.Flattened = true;
                    continue;
                case 2 when Is(name, "id"u8):
                    if (!Once(ref reader, isString, ref scanned.Id))
                    {
                        return false;
                    }

                    break;
                case 14 when Is(name, "first_observed"u8):
                    if (!Once(ref reader, isString, ref scanned.FirstObserved))
                    {
                        return false;
                    }

                    break;
                case 13 when Is(name, "last_observed"u8):
                    if (!Once(ref reader, isString, ref scanned.LastObserved))
                    {
                        return false;
                    }

                    break;
                default:
                    break;
            }

            if (child >= 0)
            {
                if (!Value(ref reader, child))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        // A root object without a type may be a telemetry event, which is mapped first.
        if (root && !hasType)
        {
            return false;
        }

        scanned.ValuesEnd = Values.Count;
        Objects[slot] = scanned;
        return true;
    }

    /// <summary>A value at a node: recorded when a path ends there, followed when paths go on from it.</summary>
    private bool Value(ref Utf8JsonReader reader, int at)
    {
        var node = nodes[at];
        switch (reader.TokenType)
        {
            case JsonTokenType.String when node.Records:
                if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxValueLength)
                {
                    return false;
                }

                Values.Add(new Recorded(at, StringAt(ref reader)));
                return true;
            case JsonTokenType.StartObject:
                // The engine follows a reference that holds an object into that object.
                if (node.ReferenceEnd)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueIsEscaped)
                    {
                        return false;
                    }

                    var child = node.Find(reader.ValueSpan);
                    reader.Read();
                    if (child >= 0)
                    {
                        if (!Value(ref reader, child))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return true;
            case JsonTokenType.StartArray when node.List >= 0:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!Value(ref reader, node.List))
                    {
                        return false;
                    }
                }

                return true;
            default:
                reader.Skip();
                return true;
        }
    }

    /// <summary>A position in the line; length -1 for none.</summary>
    internal readonly record struct Span(int Start, int Length)
    {
        public static Span None => new(0, -1);
    }

    /// <summary>A string value found at a recording node.</summary>
    internal readonly record struct Recorded(int Node, Span Value);

    /// <summary>One object of the line.</summary>
    internal struct ScannedObject
    {
        /// <summary>The <c>type</c>, when a string.</summary>
        public Span Type;

        /// <summary>The <c>id</c>, when present.</summary>
        public Span Id;

        /// <summary>The <c>first_observed</c>, when present.</summary>
        public Span FirstObserved;

        /// <summary>The <c>last_observed</c>, when present.</summary>
        public Span LastObserved;

        /// <summary>Whether the type is <c>observed-data</c>.</summary>
        public bool IsObservedData;

        /// <summary>Whether it is a bundle whose objects were flattened into the line (then it is not one of them).</summary>
        public bool Flattened;

        /// <summary>The first of its recorded values.</summary>
        public int ValuesStart;

        /// <summary>Past the last of its recorded values.</summary>
        public int ValuesEnd;
    }
}
