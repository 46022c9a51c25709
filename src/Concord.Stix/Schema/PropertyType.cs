// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>
/// The STIX 2.1 data type of a property, as named in the "Type" column of the specification's
/// property tables (STIX 2.1 section 2, "Common Data Types").
/// </summary>
/// <remarks>Instances are immutable and shared; build them through <see cref="PropertyTypes"/>.</remarks>
public abstract record PropertyType
{
    private protected PropertyType()
    {
    }

    /// <summary>A human-readable name of the type, used in validation messages.</summary>
    public abstract string Describe();
}

/// <summary>STIX <c>string</c> (section 2.15).</summary>
public sealed record StringType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "a string";
}

/// <summary>STIX <c>boolean</c> (section 2.2).</summary>
public sealed record BooleanType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "a boolean";
}

/// <summary>STIX <c>integer</c> (section 2.10), optionally restricted to an inclusive range.</summary>
/// <param name="Minimum">The smallest allowed value, if restricted.</param>
/// <param name="Maximum">The largest allowed value, if restricted.</param>
public sealed record IntegerType(long? Minimum = null, long? Maximum = null) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => (Minimum, Maximum) switch
    {
        (null, null) => "an integer",
        ({ } min, null) => $"an integer >= {min}",
        (null, { } max) => $"an integer <= {max}",
        ({ } min, { } max) => $"an integer from {min} to {max}",
    };
}

/// <summary>STIX <c>float</c> (section 2.6), optionally restricted to an inclusive range.</summary>
/// <param name="Minimum">The smallest allowed value, if restricted.</param>
/// <param name="Maximum">The largest allowed value, if restricted.</param>
public sealed record FloatType(double? Minimum = null, double? Maximum = null) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => (Minimum, Maximum) switch
    {
        (null, null) => "a number",
        ({ } min, null) => $"a number >= {min}",
        (null, { } max) => $"a number <= {max}",
        ({ } min, { } max) => $"a number from {min} to {max}",
    };
}

/// <summary>STIX <c>timestamp</c> (section 2.16).</summary>
/// <param name="MillisecondPrecision">True for <c>created</c>/<c>modified</c>, whose precision MUST be at least milliseconds (section 3.2).</param>
public sealed record TimestampType(bool MillisecondPrecision = false) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "an RFC 3339 timestamp in UTC (YYYY-MM-DDTHH:mm:ss[.s+]Z)";
}

/// <summary>
/// STIX <c>identifier</c> (section 2.9) used as a reference, restricted to the object types it may point to.
/// </summary>
/// <param name="Targets">What the reference may point to.</param>
public sealed record IdentifierType(ReferenceTargets Targets) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => $"an identifier of {Targets.Describe()}";
}

/// <summary>STIX <c>binary</c> (section 2.1): base64 (RFC 4648).</summary>
public sealed record BinaryType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "base64-encoded binary";
}

/// <summary>STIX <c>hex</c> (section 2.8): an even number of lowercase hexadecimal characters.</summary>
public sealed record HexType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "lowercase hexadecimal with an even number of characters";
}

/// <summary>STIX <c>hashes</c> (section 2.7).</summary>
public sealed record HashesType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "a hashes dictionary";
}

/// <summary>STIX <c>enum</c> (section 2.4): a closed list; other values are errors.</summary>
/// <param name="Vocabulary">The enumeration.</param>
public sealed record EnumType(Vocabulary Vocabulary) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => $"a value of the {Vocabulary.Name} enumeration";
}

/// <summary>STIX <c>open-vocab</c> (section 2.14): other values are allowed but warned about.</summary>
/// <param name="Vocabulary">The suggested vocabulary.</param>
public sealed record OpenVocabType(Vocabulary Vocabulary) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => $"a string, preferably from the {Vocabulary.Name} vocabulary";
}

/// <summary>STIX <c>list</c> (section 2.12): a non-empty array whose items all have one type.</summary>
/// <param name="Item">The type of every item.</param>
public sealed record ListType(PropertyType Item) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => $"a non-empty list of {Item.Describe()}";
}

/// <summary>STIX <c>dictionary</c> (section 2.3).</summary>
/// <param name="Value">The type of every value, or null when values may be any property base type.</param>
public sealed record DictionaryType(PropertyType? Value = null) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => Value is null ? "a non-empty dictionary" : $"a non-empty dictionary of {Value.Describe()}";
}

/// <summary>A JSON object with a schema of its own (kill-chain-phase, external-reference, alternate-data-stream, …).</summary>
/// <param name="Schema">The schema of the embedded object.</param>
public sealed record EmbeddedType(ObjectSchema Schema) : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => $"a {Schema.TypeName} object";
}

/// <summary>The <c>extensions</c> common property (section 3.2, section 7.3).</summary>
public sealed record ExtensionsType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "an extensions dictionary";
}

/// <summary>The deprecated <c>observable-container</c> (section 2.13) of observed-data <c>objects</c>.</summary>
public sealed record ObservableContainerType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "an observable container";
}

/// <summary>Any JSON value; used where the specification leaves the value open (e.g. marking-definition <c>definition</c>).</summary>
public sealed record AnyType : PropertyType
{
    /// <inheritdoc />
    public override string Describe() => "any JSON value";
}
