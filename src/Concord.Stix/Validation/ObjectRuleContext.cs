// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Validation;

/// <summary>
/// What a type-specific rule sees: the object being validated and a way to report findings at
/// paths relative to it.
/// </summary>
/// <remarks>Valid only during the rule's call; not thread-safe.</remarks>
public sealed class ObjectRuleContext
{
    private readonly ValidationSink sink;
    private readonly Internal.JsonPathStack path;

    private readonly Schema.ObjectSchema schema;
    private readonly ulong seen;

    internal ObjectRuleContext(JsonElement element, string? objectId, Internal.JsonPathStack path, ValidationSink sink, StixValidatorOptions options, Schema.ObjectSchema schema, ulong seen)
    {
        this.schema = schema;
        this.seen = seen;
        Element = element;
        ObjectId = objectId;
        this.path = path;
        this.sink = sink;
        Options = options;
    }

    /// <summary>The object (or embedded object) being validated.</summary>
    public JsonElement Element { get; }

    /// <summary>The id of the enclosing STIX object, when known.</summary>
    public string? ObjectId { get; }

    /// <summary>The validator's settings.</summary>
    public StixValidatorOptions Options { get; }

    /// <summary>Reports a finding.</summary>
    /// <param name="rule">The broken rule.</param>
    /// <param name="relativePath">The path below the object, e.g. <c>valid_until</c> or <c>hashes.MD5</c>; empty for the object itself.</param>
    /// <param name="message">What was expected and what was found.</param>
    public void Report(StixRule rule, string relativePath, string message) =>
        sink.Add(new Finding(rule, ObjectId, JsonPaths.Append(path.ToString(), relativePath), message));

    /// <summary>Whether the property is present (with any value).</summary>
    /// <param name="name">The property name.</param>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>Gets a property value.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value, when present.</param>
    public bool TryGet(string name, out JsonElement value)
    {
        // A property of the schema that the walk did not see is absent: no need to search the object for it.
        if (schema.IndexLookup.TryGetValue(name, out var index) && (seen & (1UL << index)) == 0)
        {
            value = default;
            return false;
        }

        return Element.TryGetProperty(name, out value);
    }

    /// <summary>Gets a string property; false when absent or not a string.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The string.</param>
    public bool TryGetString(string name, out string value)
    {
        if (TryGet(name, out var e) && e.ValueKind == JsonValueKind.String)
        {
            value = e.GetString()!;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Gets a valid timestamp property; false when absent or malformed (the malformation is reported elsewhere).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The timestamp.</param>
    public bool TryGetTimestamp(string name, out StixTimestamp value)
    {
        value = default;
        return TryGetString(name, out var text) && StixTimestamp.TryParse(text, out value);
    }

    /// <summary>Gets an integer property; false when absent or not an integer.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The integer.</param>
    public bool TryGetInt64(string name, out long value)
    {
        value = 0;
        return TryGet(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }
}
