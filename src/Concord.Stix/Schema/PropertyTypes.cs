// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>Shared instances of the STIX data types, so that schemas read like the specification's tables.</summary>
public static class PropertyTypes
{
    /// <summary><c>string</c>.</summary>
    public static StringType Text { get; } = new();

    /// <summary><c>boolean</c>.</summary>
    public static BooleanType Bool { get; } = new();

    /// <summary><c>integer</c>.</summary>
    public static IntegerType Integer { get; } = new();

    /// <summary><c>integer</c> that MUST NOT be negative.</summary>
    public static IntegerType NonNegativeInteger { get; } = new(Minimum: 0);

    /// <summary><c>float</c>.</summary>
    public static FloatType Number { get; } = new();

    /// <summary><c>timestamp</c>.</summary>
    public static TimestampType Timestamp { get; } = new();

    /// <summary><c>binary</c>.</summary>
    public static BinaryType Binary { get; } = new();

    /// <summary><c>hex</c>.</summary>
    public static HexType Hex { get; } = new();

    /// <summary><c>hashes</c>.</summary>
    public static HashesType Hashes { get; } = new();

    /// <summary><c>dictionary</c> with values of any base type.</summary>
    public static DictionaryType Dictionary { get; } = new();

    /// <summary><c>list</c> of type <c>string</c>.</summary>
    public static ListType StringList { get; } = new(new StringType());

    /// <summary>Any JSON value.</summary>
    public static AnyType Any { get; } = new();

    /// <summary>An <c>integer</c> in an inclusive range.</summary>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    public static IntegerType IntegerRange(long minimum, long maximum) => new(minimum, maximum);

    /// <summary>A <c>float</c> in an inclusive range.</summary>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    public static FloatType FloatRange(double minimum, double maximum) => new(minimum, maximum);

    /// <summary>An <c>identifier</c> referencing one of the named types.</summary>
    /// <param name="types">The allowed target types.</param>
    public static IdentifierType Ref(params string[] types) => new(ReferenceTargets.Types(types));

    /// <summary>An <c>identifier</c> referencing any object of the categories, or the named types.</summary>
    /// <param name="categories">The allowed categories.</param>
    /// <param name="types">Further allowed types.</param>
    public static IdentifierType Ref(ObjectCategory categories, params string[] types) => new(ReferenceTargets.Categories(categories, types));

    /// <summary>A <c>list</c> of identifiers referencing one of the named types.</summary>
    /// <param name="types">The allowed target types.</param>
    public static ListType Refs(params string[] types) => new(Ref(types));

    /// <summary>A <c>list</c> of identifiers referencing any object of the categories, or the named types.</summary>
    /// <param name="categories">The allowed categories.</param>
    /// <param name="types">Further allowed types.</param>
    public static ListType Refs(ObjectCategory categories, params string[] types) => new(Ref(categories, types));

    /// <summary>A <c>list</c> of the given type.</summary>
    /// <param name="item">The item type.</param>
    public static ListType ListOf(PropertyType item) => new(item);

    /// <summary>An <c>enum</c>.</summary>
    /// <param name="vocabulary">The enumeration.</param>
    public static EnumType Enum(Vocabulary vocabulary) => new(vocabulary);

    /// <summary>An <c>open-vocab</c>.</summary>
    /// <param name="vocabulary">The suggested vocabulary.</param>
    public static OpenVocabType OpenVocab(Vocabulary vocabulary) => new(vocabulary);

    /// <summary>An embedded object with its own schema.</summary>
    /// <param name="schema">The schema.</param>
    public static EmbeddedType Embedded(ObjectSchema schema) => new(schema);
}
