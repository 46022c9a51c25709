// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>
/// A STIX Bundle: a collection of arbitrary STIX Objects grouped together, with no semantics of
/// its own (section 8).
/// </summary>
/// <remarks>Immutable and thread-safe. The typed views of the objects are created once, on first use.</remarks>
public sealed class StixBundle : StixElement
{
    /// <summary>The STIX type name, <c>bundle</c> (section 8.1).</summary>
    public const string TypeName = "bundle";

    private readonly Lazy<IReadOnlyList<StixObject>> objects;

    /// <summary>Wraps a JSON object.</summary>
    /// <param name="json">The JSON object; it must outlive this view.</param>
    public StixBundle(JsonElement json)
        : base(json) =>
        objects = new Lazy<IReadOnlyList<StixObject>>(() => GetObjects("objects", StixObject.FromJson));

    /// <summary><c>type</c> (required): <c>bundle</c> for a well-formed bundle; empty when missing (section 8.1).</summary>
    public string Type => GetString("type") ?? string.Empty;

    /// <summary><c>id</c> (required): the identifier of this bundle; empty when missing (section 8.1).</summary>
    public string Id => GetString("id") ?? string.Empty;

    /// <summary><c>objects</c>: the typed view of every JSON object in the bundle, in order (section 8.1).</summary>
    public IReadOnlyList<StixObject> Objects => objects.Value;

    /// <summary>Parses a bundle from UTF-8 JSON; the view owns a private copy of the JSON.</summary>
    /// <param name="utf8Json">The JSON text as UTF-8.</param>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static StixBundle Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A STIX bundle is a JSON object, not {root.ValueKind}.", nameof(utf8Json));
        }

        return new StixBundle(root);
    }

    /// <summary>Parses a bundle from JSON text; the view owns a private copy of the JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static StixBundle Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }
}
